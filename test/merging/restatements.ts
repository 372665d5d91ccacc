/**
 * Hand-written reports of commitments found in the seeds and the news corpus, written the way other
 * outlets restate: other words, other order, another outlet's framing, sometimes a moved date. Each
 * names the stored commitment it is about by a unique piece of that commitment's quote (`of`), and
 * is run through the real extractor by build-pairs.ts, so the pair set holds what the extractor
 * emits. `label: "different"` marks a hard negative: a report that looks like `of` (same body, same
 * date or same topic) but is another duty.
 */
export interface WrittenReport {
  of: string;
  published: string;
  text: string;
  label: "same" | "different";
  reason: string;
}

const same = (of: string, published: string, text: string, reason: string): WrittenReport => ({ of, published, text, label: "same", reason });
const other = (of: string, published: string, text: string, reason: string): WrittenReport => ({ of, published, text, label: "different", reason });

export const WRITTEN_REPORTS: WrittenReport[] = [
  // Seeds
  same("formulate \"icebreaker projects\"", "2025-11-27", "Government bodies have until 5 December 2025 to formulate the so-called icebreaker projects and the projects that will form the technological foundation of Digital Qazaqstan.", "same icebreaker projects, same date, another outlet's wording"),
  same("formulate \"icebreaker projects\"", "2025-12-01", "Government bodies must formulate the icebreaker projects by 15 December 2025, ten days later than first set, the Digital Headquarters said.", "icebreaker projects, date slipped by ten days"),
  same("complete the development of the draft Strategy", "2025-12-02", "Officials said the draft Digital Qazaqstan strategy on digitalization and artificial intelligence is to be fully developed by the end of 2025.", "Digital Qazaqstan draft strategy, same year-end"),
  same("complete the development of the draft Strategy", "2025-12-20", "Work on the draft Digital Qazaqstan strategy for digitalization and AI will now be completed in the first quarter of 2026.", "Digital Qazaqstan draft strategy, moved to Q1 2026"),
  other("complete the development of the draft Strategy", "2025-11-28", "Government bodies must complete the development of the draft Digital Code on platform economy and big data by 31 December 2025.", "same body and date, digital topic, but the Digital Code, not the strategy"),
  same("begin construction next year of waste-to-energy plants", "2025-11-26", "The Ecology Ministry will start building waste-to-energy plants in Astana, Almaty and Shymkent in 2026.", "same plants and cities, same year, ministry named differently"),
  same("begin construction next year of waste-to-energy plants", "2026-02-10", "Construction of waste-to-energy plants in Almaty, Shymkent and Astana is now expected to begin in 2027, the Ministry of Ecology and Natural Resources said.", "same plants, slipped one year"),
  other("begin construction next year of waste-to-energy plants", "2025-11-26", "The Ministry of Ecology and Natural Resources will complete the inventory of landfills in all regions in 2026.", "same body and year, environment topic, another duty"),
  same("Special Economic Zone for the Industrial Trade", "2025-11-26", "A concept for a special economic zone around the Eurasia cross-border trade center and the industrial trade and logistics complex must be ready by December 20, the Industry Ministry was told.", "same SEZ concept, same date, other order"),
  same("Special Economic Zone for the Industrial Trade", "2026-01-05", "The Ministry of Industry will submit the concept of the Special Economic Zone for the Eurasia Cross-Border Trade Center by the end of January 2026.", "same SEZ concept, slipped a month"),
  other("Special Economic Zone for the Industrial Trade", "2025-11-26", "The Ministry of Industry must approve new localization requirements for car assembly plants by December 20 of this year.", "same body and date, another duty"),
  same("container hub construction project at the Port of Aktau", "2025-11-27", "By the end of March 2026 the Transport Ministry is to report on the container hub being built at Aktau port, which it must keep under special control.", "same Aktau container hub report, same quarter"),
  same("container hub construction project at the Port of Aktau", "2026-03-30", "The MoT will report on the Aktau port container hub project by the end of the second quarter of 2026.", "same report, acronym body, slipped a quarter"),
  other("container hub construction project at the Port of Aktau", "2025-11-27", "The Ministry of Transport must launch the new ferry line between Aktau and Baku by the end of the 1st quarter of 2026.", "same body, same quarter, same port, another duty"),
  other("container hub construction project at the Port of Aktau", "2025-11-27", "The Ministry of Trade and Integration must report on the container hub at the Port of Aktau by the end of the 1st quarter of 2026.", "same wording, different responsible body"),
  same("The project will be expanded nationwide in August", "2024-08-02", "The Justice Ministry said the project would be rolled out across the whole country in August.", "same nationwide roll-out, same month"),
  same("All construction works must be finished by autumn 2016", "2016-01-20", "Nazarbayev demanded that all construction of the EXPO facilities be finished by the autumn of 2016.", "same EXPO construction deadline"),
  same("finish construction of the EXPO facilities this autumn", "2016-03-01", "Construction of the EXPO-2017 facilities will be completed in autumn 2016, the Astana EXPO-2017 company said.", "same EXPO facilities, same season"),
  same("finish construction of the EXPO facilities this autumn", "2016-10-05", "The EXPO-2017 facilities in Astana will now be finished by the end of 2016 rather than in the autumn.", "EXPO facilities, slipped to year-end"),
  same("The construction works are planned to be finished in 20 days", "2016-08-10", "The contractor said construction works would be finished by August 24.", "same works, same date"),
  same("the project will be completed by the end of 2016", "2016-05-10", "The project is to be completed by December 2016 now that all issues have been resolved.", "same project, same year-end"),
  same("Kazakhstan will put into operation record 4,500 kilometers of roads", "2018-06-20", "A record 4,500 km of roads are to be commissioned in Kazakhstan this year, Investments and Development Minister Zhenis Kasymbek said.", "same 4,500 km of roads in 2018"),
  same("Kazakhstan will put into operation record 4,500 kilometers of roads", "2018-07-02", "Kazakhstan plans to open 4,500 kilometres of new and repaired roads to traffic by the end of 2018.", "same roads, other words"),
  other("Kazakhstan will put into operation record 4,500 kilometers of roads", "2018-06-20", "Kazakhstan will build 1,200 kilometers of new power lines in 2018, the Minister for Investments and Development said.", "same year and speaker, infrastructure, another duty"),
  same("a law on the status of the teacher will be worked out", "2019-01-15", "A draft law on the status of teachers is to be developed in 2019 to motivate teachers and pre-school staff.", "same teacher status law, same year"),
  same("A state program for industrial and innovative development until 2025", "2019-02-01", "The government will adopt the state programme of industrial-innovative development through 2025, Suleimenov said.", "same programme"),
  same("to approve the draft nationwide plan for preparations and holding the 175th anniversary of Abai", "2019-09-01", "The draft national plan for the 175th anniversary of Abai must be approved by the state commission before 1 November.", "same Abai plan, same date"),
  same("The Saryarka gas pipeline", "2019-11-20", "Construction of the Saryarka gas pipeline from Kyzylorda to Nur-Sultan will be completed in December 2019.", "same pipeline, same month"),
  same("The Saryarka gas pipeline", "2020-01-10", "The Saryarka gas pipeline will be finished in the first half of 2020, months later than promised.", "same pipeline, slipped to mid-2020"),
  same("The first gas consumers will be connected", "2019-12-15", "Nur-Sultan's first consumers will be connected to gas from the Saryarka pipeline in 2020.", "same first connections, same year"),
  same("develop an updated draft gasification master layout", "2020-11-26", "The Ministry of Energy must prepare an updated general scheme of gasification of Kazakhstan by 1 April 2021.", "same gasification master scheme, same date"),
  same("develop an updated draft gasification master layout", "2021-03-29", "The updated gasification master plan will be submitted by the Ministry of Energy in June 2021.", "same master plan, slipped two months"),
  other("develop an updated draft gasification master layout", "2020-11-26", "The Ministry of Energy must draft new tariffs for liquefied petroleum gas by April 1, 2021.", "same body, same date, gas topic, another duty"),
  same("In 2025, 2,120 inhabited localities", "2021-03-01", "By 2025 some 11.7 million people in 2,120 settlements will be supplied with natural gas.", "same gas access target"),
  same("elaborate and submit within a month the draft program to raise household income", "2022-01-14", "The Ministry of National Economy must draft a programme for raising household incomes and submit it to the Cabinet within a month.", "same household income programme, same date"),
  same("explore the issue of building the Kazakhstan Khalkyna", "2022-01-20", "The ministries are to study the creation of the Kazakhstan Khalkyna social fund by February 1.", "same social fund study, same date"),
  same("Samruk Kazyna Sovereign Wealth Fund will be held in 10 days", "2022-02-10", "Tokayev said the plan to reorganize Samruk-Kazyna would be discussed in more detail within ten days.", "same discussion, same date"),
  same("12 more healthcare facilities are to be put into commission", "2022-03-10", "Twelve more health facilities will be commissioned gradually from 2026.", "same 12 facilities"),
  same("establish the Creative Industry Development Fund by July 1", "2025-03-20", "The Ministry of Culture and Information is to set up the Creative Industry Development Fund by July 1, 2025.", "same fund, same date, minister's full title"),
  same("establish the Creative Industry Development Fund by July 1", "2025-06-25", "Setting up the Creative Industry Development Fund will take until September 2025, the Information Ministry said.", "same fund, slipped two months"),
  other("establish the Creative Industry Development Fund by July 1", "2025-03-20", "The Ministry of Culture and Information must launch the national register of creative industry enterprises by July 1.", "same body, same date, creative industries, another duty"),
  same("creative industries further development concept", "2025-03-21", "A concept for developing the creative industries in 2026-2030 will be drafted by the end of the year, the Prime Minister said.", "same concept"),
  same("build creative hubs in the regional centers", "2025-03-25", "Creative hubs will be built in the regional centres of eight regions by the end of 2025, the regional akimats were told.", "same creative hubs, same year"),
  same("finalize the investment agreement for the construction of the fertilizer plant", "2025-03-24", "The ministries must finalise the investment agreement with ESTA Construction on the fertiliser plant within two weeks.", "same investment agreement"),
  same("Construction of the second tracks on the Dostyk-Moiynty railway section", "2025-06-01", "The second tracks of the Dostyk-Moiynty line and the Almaty bypass will be completed by the end of 2025.", "same railway tracks, same year"),
  same("Construction of the second tracks on the Dostyk-Moiynty railway section", "2025-11-15", "The Almaty railway bypass and the Dostyk-Moiynty second tracks will now be completed by June 2026.", "same railway tracks, slipped half a year"),
  other("Construction of the second tracks on the Dostyk-Moiynty railway section", "2025-05-22", "Construction of the Darbaza-Maktaaral railway line is to be completed by December this year.", "same topic and date, another railway"),
  same("complete modernization of five road customs checkpoints", "2025-06-10", "Kazakhstan will finish modernising five road border checkpoints on the borders with China, Uzbekistan and Turkmenistan by the end of the year.", "same five checkpoints"),
  same("complete introduction of e-Freight information system", "2025-06-15", "The e-Freight system, integrated with KEDEN, will be introduced by December 2025 as part of the move to paperless transport.", "same e-Freight system, same month"),
  same("Kazakhstan’s first nuclear power plant, Balkhash", "2025-12-01", "Construction of the Balkhash nuclear power plant, Kazakhstan's first, will start in 2029, the Atomic Energy Agency said.", "same nuclear plant start"),
  same("Kazakhstan’s first nuclear power plant, Balkhash", "2026-04-01", "Construction of the Balkhash nuclear plant is now expected to begin in 2030, Rosatom said.", "same nuclear plant start, slipped a year"),
  same("survey phase to be completed within 18 months", "2025-12-05", "The survey phase for the nuclear power plant site should be completed by May 2027.", "same survey phase"),
  same("Almaty Metro’s new station Kalkaman is set to be commissioned", "2025-12-20", "The Kalkaman station of the Almaty metro will be opened in 2026, the city's mayor said.", "same metro station"),
  same("Almaty Metro’s new station Kalkaman is set to be commissioned", "2026-09-01", "Almaty's Kalkaman metro station will open in the first quarter of 2027 instead of this year.", "same metro station, slipped"),
  same("Another 195 healthcare facilities are set to be completed", "2025-12-31", "By the end of 2025 a further 195 health facilities are to be completed and 32 district hospitals modernised.", "same 195 facilities"),
  same("fully modernize 33 border crossing points", "2026-01-10", "All 33 border crossing points will be modernised, raising their capacity to 35 million tonnes a year by 2030.", "same 33 checkpoints"),
  same("adopt a package of amendments to the legislation on the civil service", "2023-05-01", "Parliament will have to pass amendments to the civil service law by the end of the year.", "same civil service amendments"),
  same("develop a unified law covering all procurement activities", "2023-03-01", "The Cabinet must draft a single law on procurement by quasi-public companies by the end of the year.", "same procurement law"),
  other("develop a unified law covering all procurement activities", "2023-03-01", "The government was instructed to develop a law on public-private partnership in the energy sector by the end of the year.", "same body, same date, a law, another duty"),
  same("submit the draft Anti-Crisis Plan to the government by March 25", "2023-03-10", "The departments have until March 25 to submit the draft anti-crisis plan to the Cabinet, Smailov said.", "same anti-crisis plan"),
  same("11,000 km of railway sections are planned to be repaired", "2023-04-01", "By the end of 2029, 11,000 kilometres of railway will be repaired.", "same railway repairs"),
  other("11,000 km of railway sections are planned to be repaired", "2023-04-01", "By the end of 2029, 5,000 kilometres of new railway lines will be built.", "same topic and date, new lines not repairs"),
  same("build and repair more than 22,000 roads", "2023-04-02", "The ministry plans to build and repair more than 22,000 km of national and local roads by the end of 2029.", "same roads programme"),
  same("prepare a plan of action for development projects capable of international investment", "2024-02-11", "Caretaker PM Kakar ordered all ministries to draw up within five days an action plan for development projects that can attract international investment.", "same action plan"),
  same("this road must be completed", "2024-08-01", "The contractor has been told the road must be finished by December at the latest.", "same road deadline"),
  same("construction of this stretch is expected to be completed within 32 months", "2025-09-20", "The Kadawatha-Mirigama section of the Central Expressway will be completed by 2028, the minister said.", "same expressway section"),
  other("construction of this stretch is expected to be completed within 32 months", "2025-09-20", "The Rambukkana-Kurunegala section of the Central Expressway will be completed by 2028.", "same road and year, another section"),
  same("Pothuhera to Rambukkana", "2025-10-01", "The Pothuhera-Rambukkana section is to be finished before the Sinhala and Tamil New Year in April 2028.", "same section"),
  same("Eight power plants will be commissioned in Uzbekistan", "2021-06-01", "Uzbekistan will commission eight power plants by the end of 2021, the energy ministry said.", "same eight plants"),
  same("generation capacity in the electric power sector will be increased", "2021-06-02", "Uzbekistan will raise its generating capacity from 14,000 to 15,800 megawatts by the end of 2021.", "same capacity target"),
  same("present in-depth policy reviews by mid-2025", "2024-06-27", "EU leaders will ask the European Commission to present in-depth policy reviews by June 2025 on the reforms needed for the bloc's long-term ambitions.", "same policy reviews"),
  same("the target to reduce emissions to between 40 and 45 per cent", "2022-04-01", "Canada aims to cut emissions 40-45% below 2005 levels by 2030 under the act.", "same emissions target"),
  same("aiming to deliver clean power by 2030", "2024-11-01", "The UK government wants to deliver clean power by 2030 as part of its renewable energy mission.", "same clean power mission"),
  same("create a new holiday for federally regulated workers", "2021-06-05", "A new statutory holiday, the National Day for Truth and Reconciliation, will be created for federally regulated workers on September 30.", "same holiday"),
  same("Criminal Cases Review Commission Bill", "2019-02-01", "The Criminal Cases Review Commission Bill and the Canterbury Earthquakes Insurance Tribunal Bill are expected to be passed in April 2019.", "same bills"),
  same("Family Court Reform Bill", "2019-03-01", "The Government aims to pass the Family Court Reform Bill and the Electoral Amendment Bill in 2020.", "same bills"),
  other("Family Court Reform Bill", "2019-03-01", "The Government aims to enact the Arms Amendment Bill and the Zero Carbon Bill in 2020.", "same body and year, other bills"),
  same("present a report by June 2025", "2024-06-28", "A report from the Council of the EU reflecting on the four strands is due by June 2025.", "same report"),
];
