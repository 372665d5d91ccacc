// Official English-language sources on Kazakhstan's government, added by `mindet sources add
// --starter` (never silently at start). None of them publishes a feed we could confirm, so each
// is a listing page with the pattern its article links follow. They were chosen from the sites'
// public structure and NOT fetched from the machine this was written on (it has no internet):
// the first poll says, on the source, if a page or its pattern has changed.

export interface StarterSource {
  url: string;
  /** A regular expression over article links, or "css:SELECTOR". */
  linkPattern: string;
  /** Who publishes it. */
  publisher: string;
  /** The page the address was taken from. */
  foundOn: string;
  everyMinutes: number;
}

export const STARTER_SOURCES: readonly StarterSource[] = [
  {
    publisher: "President of Kazakhstan (Akorda): events and decrees",
    url: "https://www.akorda.kz/en/events",
    linkPattern: "^https://www\\.akorda\\.kz/en/[a-z0-9-]{25,}$",
    foundOn: "https://www.akorda.kz/en (menu: Press service > Events)",
    everyMinutes: 30,
  },
  {
    publisher: "Prime Minister and Government of Kazakhstan: news",
    url: "https://primeminister.kz/en/news",
    linkPattern: "^https://primeminister\\.kz/en/news/[a-z0-9-]{10,}$",
    foundOn: "https://primeminister.kz/en (menu: News)",
    everyMinutes: 30,
  },
  {
    publisher: "Ministry of Foreign Affairs: press releases (gov.kz)",
    url: "https://www.gov.kz/memleket/entities/mfa/press/news?lang=en",
    linkPattern: "/memleket/entities/mfa/press/news/details/\\d+",
    foundOn: "https://www.gov.kz/memleket/entities/mfa?lang=en (Press center > News)",
    everyMinutes: 60,
  },
  {
    publisher: "Ministry of National Economy: news (gov.kz)",
    url: "https://www.gov.kz/memleket/entities/economy/press/news?lang=en",
    linkPattern: "/memleket/entities/economy/press/news/details/\\d+",
    foundOn: "https://www.gov.kz/memleket/entities/economy?lang=en (Press center > News)",
    everyMinutes: 60,
  },
  {
    publisher: "Kazinform, the national news agency: government news",
    url: "https://en.inform.kz/category/government",
    linkPattern: "^https://en\\.inform\\.kz/news/[a-z0-9-]{10,}",
    foundOn: "https://en.inform.kz/ (menu: Government)",
    everyMinutes: 30,
  },
];
