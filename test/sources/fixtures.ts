// Feeds and pages in the shapes of real government and news sites: navigation, breadcrumbs,
// related links, comments and footers around the article; dates in meta tags, JSON-LD, <time>
// and in the text.

export interface ArticleFixture {
  title: string;
  paragraphs: string[];
  /** How the page states its date. */
  date?: { meta?: string; jsonLd?: string; time?: string };
  lang?: string;
}

const NAV = `<header class="site-header"><div class="logo"><a href="/">Government of the Republic of Kazakhstan</a></div>
<nav class="main-menu"><ul><li><a href="/en/news">News</a></li><li><a href="/en/government">Government</a></li><li><a href="/en/documents">Documents</a></li>
<li><a href="/en/contacts">Contacts</a></li><li><a href="/kz">Қазақша</a></li><li><a href="/ru">Русский</a></li></ul></nav>
<div class="search"><form action="/search"><input name="q" placeholder="Search"></form></div></header>
<div class="breadcrumbs"><a href="/">Home</a> / <a href="/en/news">News</a></div>`;

const RELATED = `<aside class="related"><h3>Related news</h3><ul>
<li><a href="/en/news/minister-meets-delegation-from-uzbekistan">Minister meets delegation from Uzbekistan</a></li>
<li><a href="/en/news/weekly-briefing-on-the-economy">Weekly briefing on the economy</a></li>
<li><a href="/en/news/results-of-the-cabinet-meeting">Results of the cabinet meeting</a></li></ul></aside>`;

const COMMENTS = `<section id="comments" class="comments"><h3>Comments (2)</h3>
<div class="comment"><span class="author">Aidos</span><p>Will this really be done by then? Last year's promise slipped.</p></div>
<div class="comment"><span class="author">Marina</span><p>Good news for the region, finally.</p></div>
<form class="comment-form"><textarea></textarea><button>Send</button></form></section>`;

const FOOTER = `<footer class="site-footer"><p>© 2026 Press service of the Government. All rights reserved.</p>
<ul><li><a href="/en/privacy">Privacy policy</a></li><li><a href="/en/sitemap">Site map</a></li><li><a href="https://t.me/govkz">Telegram</a></li></ul>
<p>010000, Astana, Mangilik El avenue, 8. Phone: +7 7172 74 50 00</p></footer>`;

export function articlePage(a: ArticleFixture): string {
  const head: string[] = [`<meta charset="utf-8">`, `<title>${a.title} | Government of Kazakhstan</title>`, `<meta property="og:title" content="${a.title}">`];
  if (a.date?.meta) head.push(`<meta property="article:published_time" content="${a.date.meta}">`);
  if (a.date?.jsonLd) {
    head.push(`<script type="application/ld+json">${JSON.stringify({ "@context": "https://schema.org", "@graph": [{ "@type": "WebSite", name: "gov" }, { "@type": "NewsArticle", headline: a.title, datePublished: a.date.jsonLd }] })}</script>`);
  }
  const time = a.date?.time ? `<div class="meta"><time datetime="${a.date.time}">${a.date.time}</time> · 1,204 views</div>` : "";
  return `<!doctype html><html lang="${a.lang ?? "en"}"><head>${head.join("\n")}</head><body>${NAV}
<main><article class="news-item"><h1>${a.title}</h1>${time}
<div class="news-text">${a.paragraphs.map((p) => `<p>${p}</p>`).join("\n")}</div>
<div class="share">Share: <a href="#">Facebook</a> <a href="#">Telegram</a></div></article>${RELATED}${COMMENTS}</main>${FOOTER}</body></html>`;
}

/** A page with a menu and a footer but no article (a login wall, an empty template). */
export const EMPTY_PAGE = `<!doctype html><html><head><title>Sign in</title></head><body>${NAV}<main><form><input name="login"><input name="password"><button>Sign in</button></form></main>${FOOTER}</body></html>`;

export const ROADS_ARTICLE: ArticleFixture = {
  title: "Government approves plan to rebuild regional roads",
  date: { meta: "2026-11-20T10:15:00+05:00" },
  paragraphs: [
    "ASTANA – At today's meeting chaired by the Prime Minister, the Government approved a comprehensive plan for the reconstruction of regional roads for 2026-2028.",
    "The Ministry of Transport must complete the reconstruction of the Astana–Karaganda highway by the end of 2027. Particular attention will be paid to road safety and to the quality of materials used by contractors.",
    "The Ministry of Finance is instructed to allocate the necessary funds by 1 March 2027. Akimats of the regions were told to report on the state of local roads by the end of the first quarter of 2027.",
    "According to the Ministry, more than 2,500 kilometres of roads will be repaired under the plan, creating about 12,000 jobs.",
  ],
};

export const WATER_ARTICLE: ArticleFixture = {
  title: "New water supply standards to be introduced in rural areas",
  date: { jsonLd: "2026-11-19T09:00:00+05:00" },
  paragraphs: [
    "ASTANA – The Ministry of Water Resources and Irrigation presented new standards for rural water supply at a briefing in the Central Communications Service.",
    "The Ministry of Water Resources must ensure access to clean drinking water for all villages by 2030. A draft law on water supply is to be submitted to the Mazhilis by the end of June 2027.",
    "Vice Minister noted that over the past five years the share of villages with central water supply has grown from 87 to 94 percent, and work continues in the most remote districts.",
  ],
};

export const DIGITAL_ARTICLE: ArticleFixture = {
  title: "Digital ID to become available for all citizens",
  date: { time: "2026-11-18" },
  paragraphs: [
    "ASTANA – The Ministry of Digital Development announced that digital identity documents will become available through the eGov mobile application.",
    "The Ministry of Digital Development is to launch the service nationwide by 1 July 2027, after a pilot in Astana, Almaty and Shymkent.",
    "Officials said that more than 9 million citizens already use the eGov mobile application regularly, and that the security of personal data remains the first priority.",
  ],
};

export interface FeedItemFixture {
  title: string;
  link?: string;
  guid?: string;
  date?: string;
  description?: string;
}

export function rss2(title: string, items: FeedItemFixture[], extra = ""): string {
  const body = items
    .map((i) => `<item><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ""}${i.guid ? `<guid isPermaLink="false">${i.guid}</guid>` : ""}${i.date ? `<pubDate>${i.date}</pubDate>` : ""}<description><![CDATA[${i.description ?? ""}]]></description></item>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><link>https://example.gov.kz/</link><description>News</description>${extra}\n${body}</channel></rss>`;
}

export function rdf(title: string, items: FeedItemFixture[]): string {
  const seq = items.map((i) => `<rdf:li rdf:resource="${i.link}"/>`).join("");
  const body = items.map((i) => `<item rdf:about="${i.link}"><title>${i.title}</title><link>${i.link}</link>${i.date ? `<dc:date>${i.date}</dc:date>` : ""}<description>${i.description ?? ""}</description></item>`).join("\n");
  return `<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel rdf:about="https://example.gov.kz/rdf"><title>${title}</title><items><rdf:Seq>${seq}</rdf:Seq></items></channel>\n${body}</rdf:RDF>`;
}

export function atom(title: string, items: FeedItemFixture[]): string {
  const body = items
    .map((i) => `<entry><title type="html">${i.title}</title><link rel="alternate" type="text/html" href="${i.link}"/><id>${i.guid ?? i.link}</id>${i.date ? `<updated>${i.date}</updated>` : ""}<summary>${i.description ?? ""}</summary></entry>`)
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>${title}</title><id>urn:x</id><updated>2026-11-20T10:00:00Z</updated>\n${body}</feed>`;
}

export function listingPage(links: { href: string; text: string }[]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>News</title></head><body>${NAV}<main><h1>News</h1>
<div class="news-list">${links.map((l) => `<div class="news-card"><a class="news-card__link" href="${l.href}">${l.text}</a><span class="date">20.11.2026</span></div>`).join("\n")}</div>
<div class="pager"><a href="?page=2">2</a> <a href="?page=3">3</a></div></main>${FOOTER}</body></html>`;
}
