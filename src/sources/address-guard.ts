// Which addresses an admin-added URL may reach. A source URL is typed by a person and fetched by
// the server: without this guard "http://127.0.0.1:5432/" or "http://169.254.169.254/" would let
// it probe the machine's own services (SSRF). Checked on every hop and on the address actually
// connected to (the DNS answer), not only on the host name.
import { BlockList, isIP } from "node:net";
import { SourceError } from "./source-error.ts";

const blocked = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16],
  ["172.16.0.0", 12], ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 4], ["240.0.0.0", 4],
] as const) blocked.addSubnet(net, bits, "ipv4");
for (const [net, bits] of [["::", 128], ["::1", 128], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8], ["64:ff9b::", 96]] as const) {
  blocked.addSubnet(net, bits, "ipv6");
}

/** True for loopback, private (RFC 1918, ULA), link-local, carrier-grade NAT, multicast and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family !== 6) return false;
  // An IPv4-mapped IPv6 address ("::ffff:127.0.0.1") is the IPv4 address in disguise.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return blocked.check(mapped[1], "ipv4");
  return blocked.check(address, "ipv6");
}

/**
 * Parses a source URL and refuses what must never be fetched: schemes other than http(s),
 * credentials in the URL, and (unless allowed) a host that is a private address literal or
 * "localhost". Host names are checked again on their DNS answer when connecting.
 */
export function parseSourceUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new SourceError(`not a URL: "${raw.trim().slice(0, 80)}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SourceError(`only http and https URLs can be sources, not ${url.protocol.replace(/:$/, "")}:`);
  if (url.username || url.password) throw new SourceError("a source URL must not carry a user name or password");
  if (!allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, "");
    if (isPrivateAddress(host) || host === "localhost" || host.endsWith(".localhost")) {
      throw new SourceError(`${url.host} is a private, loopback or link-local address (set SOURCES_ALLOW_PRIVATE=true to allow)`);
    }
  }
  url.hash = "";
  return url;
}
