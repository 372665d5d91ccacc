import { ApiError, badRequest, forbidden, tooManyRequests } from "./api-error.ts";
import type { ApiParams, FailNextOptions, InjectedFailure } from "./types.ts";

interface ArmedFailure {
  method: string;
  failure: InjectedFailure;
  remaining: number;
  chatId?: number;
  match?: (params: ApiParams) => boolean;
}

/** The Bot API error a failure stands for; undefined for transport failures (timeout, drop). */
export function failureError(failure: InjectedFailure): ApiError | undefined {
  switch (failure.kind) {
    case "429": return tooManyRequests(failure.retryAfter);
    case "403": return forbidden(failure.description ?? "bot was blocked by the user");
    case "400-chat-not-found": return badRequest("chat not found");
    case "400-migrate":
      return badRequest("group chat was upgraded to a supergroup chat", { migrate_to_chat_id: failure.migrateToChatId });
    case "400": return badRequest(failure.description.replace(/^Bad Request: /, ""));
    case "5xx": {
      const status = failure.status ?? 502;
      return new ApiError(status, status === 500 ? "Internal Server Error" : status === 502 ? "Bad Gateway" : `Server Error ${status}`);
    }
    case "timeout":
    case "drop":
      return undefined;
  }
}

/** Failures armed by `failNext`, consumed in the order they were armed. */
export class FailureQueue {
  private armed: ArmedFailure[] = [];

  arm(method: string, failure: InjectedFailure, options: FailNextOptions = {}): void {
    this.armed.push({
      method: method.toLowerCase(),
      failure,
      remaining: options.times ?? 1,
      ...(options.chatId !== undefined ? { chatId: options.chatId } : {}),
      ...(options.match ? { match: options.match } : {}),
    });
  }

  /** The failure this call should get, consuming one use of it; undefined for a normal answer. */
  take(method: string, params: ApiParams): InjectedFailure | undefined {
    const lower = method.toLowerCase();
    const index = this.armed.findIndex((a) => {
      if (a.method !== lower) return false;
      if (a.chatId !== undefined && Number(params["chat_id"]) !== a.chatId) return false;
      return a.match ? a.match(params) : true;
    });
    if (index < 0) return undefined;
    const armed = this.armed[index] as ArmedFailure;
    armed.remaining--;
    if (armed.remaining <= 0) this.armed.splice(index, 1);
    return armed.failure;
  }

  clear(): void {
    this.armed = [];
  }
}
