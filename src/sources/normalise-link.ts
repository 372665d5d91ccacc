// One article, one link: the same page reached as "HTTP://Gov.kz:80/news/1/?utm_source=tg#top"
// and "http://gov.kz/news/1" is the same item.

const TRACKING = /^(?:utm_\w+|fbclid|gclid|yclid|mc_cid|mc_eid|_ga|_gl)$/i;

export function normaliseLink(link: string): string {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return link.trim();
  }
  url.hash = "";
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  url.searchParams.sort();
  if (url.pathname.length > 1 && url.pathname.endsWith("/")) url.pathname = url.pathname.replace(/\/+$/, "");
  // URL already lower-cases the host and drops default ports.
  return url.href;
}

/** The stored document's name for an article: stable for the same normalised link. */
export function documentNameFor(link: string): string {
  const url = new URL(normaliseLink(link));
  return `web/${url.host}${url.pathname}${url.search}`.slice(0, 500);
}
