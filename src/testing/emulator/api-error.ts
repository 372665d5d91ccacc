import type { ApiParams, ApiResponse, ResponseParameters } from "./types.ts";

/** An error answer in Telegram's shape; thrown by method handlers, turned into a response. */
export class ApiError extends Error {
  constructor(
    readonly errorCode: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }

  toResponse(): ApiResponse {
    return {
      ok: false,
      error_code: this.errorCode,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

/** 400 Bad Request with Telegram's prefix. */
export function badRequest(detail: string, parameters?: ResponseParameters): ApiError {
  return new ApiError(400, `Bad Request: ${detail}`, parameters);
}

/** 403 Forbidden with Telegram's prefix. */
export function forbidden(detail: string): ApiError {
  return new ApiError(403, `Forbidden: ${detail}`);
}

/** 429 with the retry_after Telegram sends. */
export function tooManyRequests(retryAfterSeconds: number): ApiError {
  return new ApiError(429, `Too Many Requests: retry after ${retryAfterSeconds}`, {
    retry_after: retryAfterSeconds,
  });
}

// Form fields arrive as strings and JSON fields as numbers or objects; these read both, so one
// handler serves JSON, urlencoded and multipart requests alike.

/** A required integer parameter (Telegram: "Bad Request: <name> is empty" when missing). */
export function requireInt(params: ApiParams, name: string): number {
  const value = optionalInt(params, name);
  if (value === undefined) throw badRequest(`${name} is empty`);
  return value;
}

/** An optional integer parameter; a non-numeric value is a 400 like Telegram's. */
export function optionalInt(params: ApiParams, name: string): number | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === "") return undefined;
  const value = typeof raw === "number" ? raw : Number(raw);
  if (!Number.isInteger(value)) throw badRequest(`invalid ${name} specified`);
  return value;
}

/** An optional string parameter; numbers from form fields are turned back into text. */
export function optionalString(params: ApiParams, name: string): string | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" || typeof raw === "boolean") return String(raw);
  throw badRequest(`invalid ${name} specified`);
}

/** An optional boolean parameter ("true"/"false" in form fields). */
export function optionalBool(params: ApiParams, name: string): boolean | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null) return undefined;
  return raw === true || raw === "true" || raw === 1 || raw === "1";
}

/** An optional object parameter; form fields carry it as JSON text. */
export function optionalObject<T>(params: ApiParams, name: string): T | undefined {
  const raw = params[name];
  if (raw === undefined || raw === null || raw === "") return undefined;
  if (typeof raw === "string") {
    try {
      return JSON.parse(raw) as T;
    } catch {
      throw badRequest(`can't parse ${name} JSON object`);
    }
  }
  if (typeof raw !== "object") throw badRequest(`can't parse ${name} JSON object`);
  return raw as T;
}
