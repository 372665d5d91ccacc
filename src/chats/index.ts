export { upsertChat, getChat, type ChatIdentity } from "./upsert-chat.ts";
export { markChatActive, markChatInactive } from "./mark-chat-active.ts";
export { migrateChat, type MigrateChatResult } from "./migrate-chat.ts";
export { followersOf, type FollowedCommitment } from "./followers-of.ts";
export { follow, unfollow, listFollows, listBodies, resolveFollowTarget, type FollowTarget } from "./follow.ts";
export * from "./chat-settings.ts";
export { resolveTopic, topicShortName } from "./topics.ts";
