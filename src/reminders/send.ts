// Moved to src/telegram/send-with-retries.ts (one place for every call to Telegram); the names
// stay here for deliver.ts.
export { classify, sendWithRetries, type SendDeps, type SendPolicy, type SendResult } from "../telegram/send-with-retries.ts";
