# Mindet, қазақша. Боттың барлық хабарламасы. Белгілеу (<b>, <i>, <blockquote>, <a>) тек HTML
# ретінде жіберілетін хабарламаларда; айнымалыларды шақырушы код экрандайды. Терминдер: GLOSSARY.md.

## Қателер, шектеулер, бас тартулар
error-generic = Бірдеңе дұрыс болмады, қайталап көріңіз.
slow-down = Сәл баяуырақ, өтінемін: бірнеше секундтан кейін қайта жауап беремін.
slow-down-alert = Сәл баяуырақ, өтінемін.
button-expired = Бұл батырма ескірді.
button-not-here = Бұл батырма мұнда жұмыс істемейді.
admin-only = Бұл команда тек Mindet әкімшілеріне арналған.
admin-only-alert = Мұны тек Mindet әкімшілері істей алады.
admin-anonymous = Сіз анонимді жазып отырсыз, сондықтан Mindet әкімшісі екеніңізді тексере алмаймын. Бұл команданы маған жеке чатта жіберіңіз.
group-admins-only = Топтың жазылымдары мен баптауларын тек оның әкімшілері өзгерте алады.
group-admins-only-channel = Топтың жазылымдары мен баптауларын тек оның әкімшілері өзгерте алады. Арна атынан емес, өз атыңыздан жазыңыз.

## /start, /help, командалар мәзірі
start-greeting =
    👋 <b>Mindet</b> ресми жаңалықтардан алынған, мерзімі белгіленген мемлекеттік міндеттемелерді қадағалайды.
    Барлығына, бір тақырыпқа, министрлікке не бір міндеттемеге жазылыңыз — әр мерзімнің алдында, сол күні және одан кейін осы чатқа еске саламын.
    /list, /upcoming не /search командаларын көріңіз; барлық команда — /help ішінде.
start-follow-all = 🔔 Барлығына жазылу
start-browse = 📋 Қарау
help-title = <b>Командалар</b>
help-admin-title = <b>Әкімшілерге</b>
help-merge-note = <i>/merge 12 15</i> №12-ні сақтайды: оған №15 жарияланымдары өтеді, №15-ке жазылған чаттар №12-ге жазылады, ал №12 мерзімі соңғы жарияланымнан алынады (әкімші мерзімін ауыстырмаған болса). <i>/split 15</i> дәл соны болдырмайды. <i>/split 12</i> №12-ден не бөлуге болатынын көрсетеді: біріктірілген міндеттемелер мен салыстыру арқылы қосылған жарияланымдар (<i>/split 12 ЖАРИЯЛАНЫМ</i> жарияланымды жеке міндеттеме етеді). <i>/questions</i> — салыстыру сенімсіз болған жұптар; жауабы «Бірдей» не «Басқа».
help-footer = Топтарда жазылымдар мен баптауларды тек әкімшілер өзгертеді. Міндеттеме нөмірлері — /list ішінде.
cmd-start = Бот не істейді
cmd-help = Барлық команда
cmd-list = Барлық міндеттеме, ең жақын мерзімдісі бірінші
cmd-upcoming = Алдағы N күндегі мерзімдер (әдепкі 30)
    .usage = upcoming [күн]
cmd-overdue = Мерзімі өткендер
cmd-status = Міндеттеме карточкасы
    .usage = status НӨМІР
cmd-search = Сөз бойынша іздеу
    .usage = search СӨЗДЕР
cmd-follow = Жазылу: барлығына, нөмірге, тақырыпқа не органға
    .usage = follow [all|НӨМІР|тақырып|орган]
cmd-unfollow = Жазылымнан бас тарту
    .usage = unfollow [all|НӨМІР|тақырып|орган]
cmd-mine = Осы чаттың жазылымдары мен баптаулары
cmd-settings = Уақыт белдеуі, еске салу күндері, шолу, тыныш уақыт
cmd-calendar = Жазылған мерзімдер .ics файлы ретінде
cmd-language = Осы чаттың тілі
    .usage = language [en|ru|kk]
cmd-done = Орындалды деп белгілеу
    .usage = done НӨМІР [сілтеме] [ескертпе]
cmd-missed = Орындалмады деп белгілеу
    .usage = missed НӨМІР [ескертпе]
cmd-postpone = Мерзімін ауыстыру
    .usage = postpone НӨМІР КҮНІ [ескертпе]
cmd-reopen = Жабылған міндеттемені қайта ашу
    .usage = reopen НӨМІР
cmd-ingest = Мәтінге не .txt файлына жауап ретінде: ондағы міндеттемелерді қосу
cmd-stats = База мен чаттар туралы сандар
cmd-sources = Жаңалық көздері және олардың күйі
cmd-addsource = Арна не жаңалықтар бетін қосу
    .usage = addsource URL [--links ҮЛГІ] [--every МИНУТ]
cmd-removesource = Көзді оқуды тоқтату
    .usage = removesource НӨМІР
cmd-poll = Барлық көзді қазір оқу
cmd-merge = Бір міндеттеменің екі жазбасын біріктіру
    .usage = merge НӨМІР БАСҚА_НӨМІР
cmd-split = Біріктіруді болдырмау не жарияланымды бөлу
    .usage = split НӨМІР [ЖАРИЯЛАНЫМ]
cmd-questions = «Сол міндеттеме ме?» сұрақтары

## Басқасының бәрі
fallback-unknown-command = /{ $command } командасын білмеймін. Барлық командам — /help ішінде.
fallback-edited = Өңделген хабарламаларды орындамаймын; команданы қайта жіберіңіз.
fallback-text = Мен командаларға жауап беремін: /list, /upcoming не /search СӨЗДЕР деп көріңіз. Толық тізім — /help ішінде.
fallback-media = Мен тек мәтіндік командаларды оқимын (стикер, фото және файлдар — /ingest-тен басқасы — маған арналмаған). Командалар тізімі — /help ішінде.

## /language
language-current = Осы чаттың тілі: { $name }. Басқасын таңдаңыз:
language-set = ✅ Енді бұл чат қазақ тілінде.
language-unknown = «{ $code }» тілін білмеймін. Қолжетімді тілдер: { $list }, мысалы /language kk.
language-set-alert = Қазақша

## Күндер
due-day = { $year } жылғы { $day } { $month }
due-month = { $year } жылғы { $month }
due-quarter = { $year } жылғы { $roman } тоқсан
due-year = { $year } жыл
due-spring = { $year } жылғы көктем
due-summer = { $year } жылғы жаз
due-autumn = { $year } жылғы күз
due-winter = { $years } жылғы қыс
due-none = мерзімі жоқ
days-today = мерзімі бүгін
days-tomorrow = ертең
# Қазақ тілінде сан есімнен кейін зат есім жекеше тұрады: «1 күн», «5 күн».
days-left = { $days ->
        [one] { $days } күннен кейін
       *[other] { $days } күннен кейін
    }
days-overdue = мерзімінен { $days } күн өтті
zone-astana = Астана уақытымен
zone-other = { $zone } уақытымен

## Мәртебелер
status-open = 🟢 орындалуда
status-overdue = 🔴 мерзімі өткен
status-done = ✅ орындалды
status-missed = ❌ орындалмады
status-postponed = 🕓 мерзімі ауыстырылды
status-cancelled = ⚪ күші жойылды

## Тізімдер
list-title-all = Барлық міндеттеме, ең жақын мерзімдісі бірінші
list-title-overdue = Мерзімі өткен міндеттемелер
list-title-upcoming = Алдағы { $days } күндегі мерзімдер
list-header = <b>{ $title }</b> ({ $total })
list-header-paged = <b>{ $title }</b> ({ $total }, { $page }/{ $pages } бет)
list-footer = <i>/status НӨМІР — толық карточка</i>
list-empty-all = Әзірге бірде-бір міндеттеме жоқ.
list-empty-overdue = Мерзімі өткен ештеңе жоқ. 🎉
list-empty-upcoming = Алдағы { $days } күнде мерзім жоқ. /upcoming 90 не /list деп көріңіз.
list-expired = Бұл батырма ескірді; /list командасын қайта жіберіңіз.
upcoming-usage = Қолданылуы: /upcoming [күн], 1 мен { $max } аралығындағы сан (әдепкі { $default }).
upcoming-too-far = { $days } күн — тым алыс: /list бәрін көрсетеді, ең жақын мерзімдісі бірінші.

## Міндеттеме карточкасы
status-usage = Қолданылуы: /status НӨМІР, мысалы /status 12. Нөмірлер — /list ішінде.
status-not-a-number = Міндеттеме нөмірі — сан, мысалы /status 12. Сөз бойынша /search арқылы табуға болады.
status-not-found = №{ $id } міндеттеме жоқ. Барлығы — /list ішінде.
card-follow = 🔔 Жазылу
card-responsible = <b>Жауапты:</b> { $who }
card-not-named = көрсетілмеген
card-due = <b>Мерзімі:</b> { $date } ({ $zone } күн соңына дейін)
card-due-counted = { $label }, есептелетін күн — { $day }
card-due-none = <b>Мерзімі:</b> көрсетілмеген
card-precision = <b>Мерзім дәлдігі:</b> { $precision }
precision-day = нақты күн
precision-month = ай: соңғы күні есептеледі
precision-quarter = тоқсан: соңғы күні есептеледі
precision-season = жыл мезгілі: соңғы күні есептеледі
precision-year = жыл: соңғы күні есептеледі
precision-vague = анық емес: күні аталмаған
precision-none = мерзімі жоқ
precision-postponed = нақты күн (мерзімі ауыстырылғанда белгіленген)
card-as-written = <b>Мәтінде:</b> «{ $text }»
card-originally-due = <b>Бастапқы мерзімі:</b> { $date }
card-status = <b>Мәртебесі:</b> { $status }
card-history-none = <b>Тарихы:</b> дереккөзден алынғалы бері өзгеріс жоқ
card-history = <b>Тарихы:</b>
card-history-latest = <b>Тарихы:</b> ({ $total } жазбаның соңғы { $shown })
card-history-new-date = (жаңа мерзімі { $date })
card-history-by = — { $name }
card-history-evidence = растау
card-source = <b>Дереккөз:</b> { $document }
card-page = <b>Бет:</b> <a href="{ $url }">{ $shown }</a>
card-article = <b>Мақала:</b> { $article }
card-published = <b>Жарияланған күні:</b> { $date }
card-published-unknown = көрсетілмеген
card-quote = <b>Дәйексөз:</b>
card-withdrawn = <i>Бұл енді бастапқы құжатта жоқ.</i>

## /search
search-usage = Қолданылуы: /search СӨЗДЕР, мысалы /search Ақтау порты.
search-none = «{ $query }» бойынша ештеңе табылмады.{ $note } Азырақ не қысқарақ сөз жазып көріңіз.
search-found = <b>«{ $query }» бойынша табылғаны: { $total }</b>{ $more }{ $note }
# $total is a round thousand (SEARCH_COUNT_MAX), "мың": hence -нан.
search-found-many = <b>«{ $query }» бойынша табылғаны: { $total }-нан астам</b>{ $more }{ $note }
search-more = { " " }(алғашқы { $shown }; іздеуді тарылту үшін сөз қосыңыз)
search-cut = { " " }<i>(тек алғашқы { $max } таңба ескерілді)</i>

## /follow, /unfollow
follow-prompt = Бұл чат неге жазылсын? Батырманы таңдаңыз не /follow НӨМІР, /follow ТАҚЫРЫП не /follow МИНИСТРЛІК деп жіберіңіз.
follow-everything-button = 🔔 Барлығына
follow-added = 🔔 Бұл чат жазылды: { $what }.
follow-already = Бұл чат бұған дейін жазылған: { $what }.
follow-mine-hint = Барлық жазылым — /mine ішінде.
follow-next = Келесі еске салу: { $day }, { $time } — «{ $title }» (мерзімі { $due }) · /c { $id }
follow-next-none = Бұл чаттың жазылымдары бойынша жақын арада еске салу жоқ.
follow-expired = Бұл батырма ескірді; /follow командасын қайта жіберіңіз.
follow-no-commitment = №{ $id } міндеттеме жоқ.
follow-nothing-called = «{ $text }» табылмады: бұл міндеттеме нөмірі де, тақырып та, жауапты орган да емес.
follow-did-you-mean = Мүмкін, мынаны айтқыңыз келген шығар:
follow-try = /{ $command } all, /{ $command } 12 (/list ішіндегі нөмір), тақырыпты, мысалы /{ $command } digital, не министрлікті жазып көріңіз.
unfollow-nothing-yet = Бұл чат әзірге ешнәрсеге жазылмаған. /follow арқылы бастаңыз.
unfollow-prompt = Бұл чат неден бас тартсын? Соны басыңыз:
unfollow-stop-everything = ✖ Барлығынан бас тарту
unfollow-all-done = 🔕 Дайын: бұл чат енді ешнәрсеге жазылмаған, еске салулар келмейді.
unfollow-all-none = Бұл чат ешнәрсеге жазылмаған еді.
unfollow-done = 🔕 Жазылым тоқтатылды: { $what }.
unfollow-not-followed = Бұл чат бұған жазылмаған еді: { $what }.
unfollow-expired = Бұл батырма ескірді; /unfollow командасын қайта жіберіңіз.
unfollow-alert-all = Бұл чат енді ешнәрсеге жазылмаған.
unfollow-alert-one = Жазылым тоқтатылды.
unfollow-alert-gone = Бұрын тоқтатылған.
unfollow-now-empty = Бұл чат енді ешнәрсеге жазылмаған. Қайта бастау үшін — /follow.
follow-what-all = барлығы
follow-what-topic = «{ $topic }» тақырыбы
follow-what-body = «{ $body }»
follow-what-commitment = №{ $id } міндеттеме
follow-item-all = барлығы
follow-item-topic = «{ $topic }» тақырыбы
follow-item-body = «{ $body }»
follow-item-commitment = №{ $id } міндеттеме
topic-digital = цифрландыру және ЖИ
topic-justice = сот және құқық
topic-environment = экология
topic-transport = көлік және логистика
topic-economy = экономика және сауда
topic-social = әлеуметтік саясат
topic-security = қауіпсіздік және сыртқы саясат
topic-energy = энергетика
topic-health = денсаулық сақтау
topic-education = білім беру

## /mine, /settings
mine-title = <b>Осы чаттың жазылымдары</b>
mine-nothing = әзірге жоқ: /follow арқылы бастаңыз.
mine-footer = Өзгерту — /settings, күнтізбеге арналған .ics файлы — /calendar.
settings-title = <b>Осы чаттың баптаулары</b>
settings-time-zone = <b>Уақыт белдеуі:</b> { $zone }
settings-reminders = <b>Еске салулар:</b> { $offsets }, сағат { $hour }
settings-digest = <b>Апталық шолу:</b> { $digest }
settings-quiet = <b>Тыныш уақыт:</b> { $quiet }
settings-language = <b>Тілі:</b> { $language }
settings-new = <b>Жаңалық көздерінен жаңа міндеттемелер:</b> { $state }
settings-new-on = хабарланады
settings-new-off = хабарланбайды
settings-error-new = /settings new on не /settings new off деп жазыңыз (жаңалық көздерінен келген жаңа міндеттемелер туралы хабарлау).
settings-digest-off = өшірулі
settings-digest-at = { $day }, { $hour }
settings-quiet-none = жоқ
offset-due-day = мерзімі күні
offset-before = { $days } күн бұрын
offset-after = мерзімінен { $days } күн кейін
offsets-none = жоқ
settings-usage =
    Батырмалармен не командалармен өзгертіңіз:
    /settings tz Europe/Berlin
    /settings offsets 7,1,0,-1 <i>(мерзімге дейінгі күндер; 0 — мерзімі күні, -1 — мерзімінен бір күн кейін)</i>
    /settings hour 9 <i>(еске салулар келетін сағат)</i>
    /settings digest mon 9 · /settings digest off
    /settings quiet 22-7 · /settings quiet off
    /settings new off <i>(жаңалық көздерінен келген жаңа міндеттемелер туралы хабарламау)</i>
    /language — чат тілі
settings-unknown = Мұндай баптау жоқ: «{ $name }».
settings-saved = ✅ Сақталды.
settings-saved-alert = Сақталды: { $choice }
settings-expired = Бұл батырма ескірді; /settings командасын қайта жіберіңіз.
settings-choice-digest-off = Шолусыз
settings-choice-digest-mon = Дс 09:00
settings-choice-digest-fri = Жм 17:00
settings-choice-quiet-none = Тыныш уақытсыз
settings-choice-quiet-22 = Тыныш 22–07
settings-choice-quiet-21 = Тыныш 21–08
settings-error-zone = «{ $text }» — уақыт белдеуі емес; IANA атауын жазыңыз, мысалы Asia/Almaty не Europe/Berlin.
settings-error-offsets = Еске салу күндері — мерзімге дейінгі бүтін күн саны, { $min } мен { $max } аралығында, көп дегенде { $count } мән, мысалы 7,1,0,-1 (0 — мерзімі күні, -1 — мерзімінен бір күн кейін).
settings-error-offsets-not-number = «{ $text }» — күн саны емес. { settings-error-offsets }
settings-error-offsets-range = { $text } рұқсат етілген аралықтан тыс. { settings-error-offsets }
settings-error-offsets-too-many = Мән тым көп. { settings-error-offsets }
settings-error-digest = Шолу: апта күні (mon..sun) және 0–23 сағат, мысалы «mon 9», не «off».
settings-error-digest-weekday = «{ $text }» — апта күні емес. { settings-error-digest }
settings-error-digest-hour = «{ $text }» — сағат емес. { settings-error-digest }
settings-error-quiet = Тыныш уақыт: жергілікті уақытпен бүтін сағат түрінде «БАСЫ-СОҢЫ», мысалы 22-7, не «off».
settings-error-quiet-same = Басы мен соңы бірдей. { settings-error-quiet }
settings-error-hour = Еске салу сағаты: 0 мен 23 аралығындағы бүтін сан, мысалы 9.

## /calendar
calendar-empty = Бұл чат әзірге мерзімі бар ашық міндеттемеге жазылмаған, сондықтан күнтізбе бос болар еді. /follow all жіберіп, сосын қайта /calendar деңіз.
calendar-caption = { $count } мерзім күні бойғы оқиға ретінде. Күнтізбеге қосу үшін файлды ашыңыз; қайта импорттасаңыз, олар жаңарады.
ics-calendar-name = Mindet міндеттемелері
ics-responsible = Жауапты: { $who }
ics-as-written = Мәтіндегі мерзімі: { $text }
ics-source = Дереккөз: { $source }

## Әкімшілерге: /done, /missed, /postpone, /reopen, /ingest, /stats
admin-usage-done = Қолданылуы: /done НӨМІР [растау сілтемесі] [ескертпе], мысалы /done 12 https://gov.kz/news/1 қол қойылды
admin-usage-missed = Қолданылуы: /missed НӨМІР [ескертпе]
admin-usage-postpone = Қолданылуы: /postpone НӨМІР КҮНІ [ескертпе], мысалы /postpone 12 2026-06-30 не /postpone 12 30.06.2026
admin-usage-reopen = Қолданылуы: /reopen НӨМІР [ескертпе]
admin-changed-done = №{ $id } орындалды деп белгіленді ✅. Жазылған чаттарға хабарланады. Тарихы — /status { $id }.
admin-changed-missed = №{ $id } орындалмады деп белгіленді ❌. Жазылған чаттарға хабарланады. Тарихы — /status { $id }.
admin-changed-postponed = №{ $id } мерзімі ауыстырылды 🕓, жаңа мерзімі — { $date }. Жазылған чаттарға хабарланады. Тарихы — /status { $id }.
admin-changed-open = №{ $id } қайта ашылды. Жазылған чаттарға хабарланады. Тарихы — /status { $id }.
admin-error-not_found = №{ $id } міндеттеме жоқ.
admin-error-invalid_transition = №{ $id } міндеттемені қазіргі мәртебесінен бұл мәртебеге ауыстыруға болмайды.
admin-error-invalid_date = Күні дұрыс емес; былай жазыңыз: 2026-06-30 не 30.06.2026.
admin-error-date_in_past = Жаңа мерзім өтіп кеткен.
admin-error-same_date = Бұл онсыз да оның мерзімі.
admin-error-invalid_url = Растау сілтемесі http:// не https:// деп басталуы керек.
admin-error-note_too_long = Ескертпе тым ұзын.
admin-error-conflict = №{ $id } міндеттемені жаңа ғана басқа біреу өзгертті; қайталап көріңіз.
ingest-how = /ingest командасын мәтіндік хабарламаға не .txt файлына жауап ретінде жіберіңіз (не .txt файлын /ingest деген жазумен тіркеңіз).
ingest-only-txt = Тек .txt құжаттары қабылданады.
ingest-too-big = Файл { $limit } КБ шегінен асады.
ingest-no-file = Telegram бұл файлды бермеді; қайта жіберіп көріңіз.
ingest-download-failed = Файлды жүктеп алу мүмкін болмады; қайталап көріңіз.
ingest-bad-document = Бұл файлды мәтін ретінде оқу мүмкін емес: { $reason }
ingest-failed = Бұл мәтінді талдау сәтсіз аяқталды; ештеңе қосылмады.
ingest-timeout = Бұл мәтінді талдау { $seconds } секундтан асып кетті, сондықтан тоқтатылды; ештеңе қосылмады. Мәтінді бөліктерге бөліп, қайта жіберіңіз.
ingest-none = Бұл мәтіннен міндеттеме таппадым; қосатын ештеңе жоқ.
ingest-found = <b>{ $count } міндеттеме табылды</b> ({ $file } ретінде сақталады):
ingest-more = …тағы { $count }.
ingest-ask = Қосайын ба?
ingest-add = ✅ Қосу
ingest-cancel = ✖ Болдырмау
ingest-expired = Алдын ала қарау ескірді; /ingest командасын қайта жіберіңіз.
ingest-cancelled-alert = Болдырылмады
ingest-cancelled = Болдырылмады: ештеңе қосылған жоқ.
ingest-added-alert = Қосылды
ingest-stored = ✅ { $file } ретінде сақталды: { $detail }. /list арқылы қараңыз.
ingest-unchanged = бұрын сақталған, ештеңе өзгерген жоқ
ingest-counts = { $added } қосылды, { $updated } жаңартылды
stats-title = <b>Mindet статистикасы</b>
stats-commitments = Міндеттемелер: { $total } (орындалуда { $open }, мерзімі өткен { $overdue }, мерзімі ауыстырылған { $postponed }, орындалған { $done }, орындалмаған { $missed }, күші жойылған { $cancelled }); мерзімсіз { $undated }, дереккөзден алынып тасталған { $withdrawn }
stats-sources = Дереккөздер: { $sources }; мәртебе өзгерістері: { $changes }
stats-chats = Чаттар: { $chats } (белсенді { $active }); жазылымдар: { $follows }
stats-outbox = Еске салу кезегі: { $outbox }
stats-outbox-empty = бос

## Хабарламасыз жіберілетіндер: еске салулар, хабарландырулар, шолулар (src/reminders құрастырады)
fresh-heading = 🆕 <b>Жаңа міндеттемелер</b>
reminder-heading = ⏰ <b>Еске салулар</b>
reminder-line = • { $title } — { $when } · /c { $id }
reminder-due-today = { $due }, <b>мерзімі бүгін</b>
reminder-when = { $due }, { $days }
announce-heading = <b>Мәртебе өзгерістері</b>
announce-done = ✅ Орындалды
announce-missed = ❌ Орындалмады
announce-cancelled = 🚫 Күші жойылды
announce-postponed = 📅 Мерзімі ауыстырылды
announce-open = 🔄 Қайта ашылды
announce-new-date = 📅 Жаңа мерзім
announce-line = { $head }: { $title } · /c { $id }
announce-line-dated = { $head }, жаңа мерзімі — { $date }: { $title } · /c { $id }
announce-evidence = растау
moved-heading = ⏩ <b>Мерзімдер ауыстырылды</b>
moved-line = Мерзім ауыстырылды: { $from } → { $to } ({ $shift }), «{ $source }» дереккөзі бойынша: { $title } · /c { $id }
moved-line-dated = Мерзім белгіленді: { $to }, «{ $source }» дереккөзі бойынша: { $title } · /c { $id }
moved-later = +{ $days } күн
moved-earlier = −{ $days } күн
question-title = ❓ <b>#{ $candidate } міндеттемесімен бірдей ме?</b> Салыстыру сенімді емес (баға { $score }).
question-new = <b>Жаңа #{ $id }</b>: { $title } — { $due }
question-old = <b>Белгілі #{ $id }</b>: { $title } — { $due }
question-reasons = <i>Неге: { $reasons }</i>
question-same = ✅ Бірдей
question-different = ✖ Басқа
digest-title = 🗓 <b>Апталық шолу</b>
digest-upcoming = <b>Алдағы { $days } күндегі мерзімдер</b>
digest-overdue = <b>Мерзімі өтіп кеткендер</b>

## Әкімшілерге: жаңалық көздері (/sources, /addsource, /removesource, /poll)
sources-never = әлі болған жоқ
sources-none = Жаңалық көздері әлі жоқ. /addsource URL арнаны не жаңалықтар бетін қосады; <code>mindet sources add --starter</code> бастапқы тізімді қосады.
sources-title = <b>Жаңалық көздері</b> ({ $count })
sources-feed = <b>№{ $id }</b> { $url }
sources-feed-links = <b>№{ $id }</b> { $url } (сілтемелер: { $links })
sources-feed-health = әр { $every } минут сайын · соңғы оқылғаны { $last } · келесісі { $next } · { $items } материал, { $commitments } міндеттеме
sources-state-ok = ✅ { $status }{ $note }
sources-state-new = ⏳ әлі оқылған жоқ
sources-state-error = ❌ қатарынан { $failures } рет қате: { $error }
sources-round = <b>{ $polled } көз оқылды</b>, { $seconds } с: қатесіз { $ok }, өзгеріссіз { $unchanged }, қатемен { $failed }; { $items } жаңа материал, { $commitments } міндеттеме.
sources-round-error = №{ $id }: { $error }
sources-add-usage =
    Пішімі: /addsource URL [--links ҮЛГІ] [--every МИНУТ]
    ҮЛГІ арнасы жоқ жаңалықтар бетіндегі мақала сілтемелерін таңдайды: тұрақты өрнек не css:СЕЛЕКТОР.
sources-add-every = --every кейін минуттың бүтін санын жазыңыз (кемінде 5).
sources-added = №{ $id } көз қосылды: { $url }
    Ол бір минут ішінде оқылады; нәтижесі /sources-та.
sources-exists = { $url } №{ $id } көз ретінде қосылып қойған.
sources-not-added = Қосылмады: { $reason }
sources-remove-usage = Пішімі: /removesource НӨМІР (нөмірлер /sources-та)
sources-removed = №{ $id } көз өшірілді. Одан табылған міндеттемелер сақталады.
sources-no-such = №{ $id } көз жоқ. Тізімі /sources-та.
sources-not-running = Бұл процесте жаңалық көздері оқылмайды.
sources-failing = ⚠️ №{ $id } көз ({ $url }) қатарынан { $failures } рет оқылмады: { $reason }
    Келесі әрекет: { $next }. Барлық көз /sources-та; /removesource { $id } осы көзді өшіреді.

## Қайта жарияланған міндеттемелер: /merge, /split, /questions және карточкадағы жарияланымдар (9-тапсырма)
card-merges = <b>Біріктірулер:</b>
card-merges-latest = <b>Біріктірулер:</b> ({ $total } жазбаның соңғы { $shown })
card-merge-in = • { $date }: №{ $id } қосылды ({ $count } жарияланым) — { $name }
card-merge-out = • { $date }: №{ $id } қайта бөлінді — { $name }
card-merged-into = <i>№{ $id } міндеттемесімен біріктірілді: жарияланымдары, жазылымдары мен еске салулары сонда.</i>
card-open-merged = №{ $id } ашу
card-mentions = <b>Жарияланымдар ({ $total }), алдымен жаңалары:</b>
card-mention = • { $date } · { $document }: «{ $phrase }»
card-mention-no-phrase = мерзімі көрсетілмеген
card-mention-merged = (№{ $id } ішінен)
card-mention-withdrawn = (бұл енді дереккөзде жоқ)
card-mentions-more = …тағы { $count } жарияланым
card-due-changes = <b>Мерзім тарихы:</b>
card-due-changes-latest = <b>Мерзім тарихы:</b> ({ $total } жазбаның соңғы { $shown })
card-due-change-later = • { $from } → { $to } (+{ $days } күн), дереккөзі: { $source }, { $stated } мәлімделді
card-due-change-earlier = • { $from } → { $to } (−{ $days } күн), дереккөзі: { $source }, { $stated } мәлімделді
card-due-change-dated = • мерзімсіз → { $to }, дереккөзі: { $source }, { $stated } мәлімделді
merge-usage = Қолданылуы: /merge НӨМІР БАСҚА_НӨМІР, мысалы /merge 12 15: №15 жарияланымдары №12-ге өтеді, ол нөмірін, мәртебесін және тарихын сақтайды; №15-ке жазылған чаттар №12-ге жазылады. /split 15 біріктіруді болдырмайды.
merge-done = №{ $merged } №{ $kept } міндеттемесімен біріктірілді: { $mentions } жарияланым, { $followers } жазылған чат ауыстырылды.
merge-due-moved = №{ $kept } мерзімі енді { $date } (бұрын { $before }): соңғы жарияланым бойынша.
merge-undo-hint = Карточкасы — /status { $kept }; /split { $merged } біріктіруді болдырмайды.
merge-error-not_found = №{ $id } міндеттеме жоқ.
merge-error-same = Міндеттемені өзімен біріктіруге болмайды.
merge-error-kept_merged = №{ $id } өзі №{ $into } міндеттемесімен біріктірілген; №{ $into } міндеттемесімен біріктіріңіз.
merge-error-already_merged = №{ $id } №{ $into } міндеттемесімен біріктіріліп қойған. Басқасымен біріктіру үшін алдымен /split { $id }.
merge-error-conflict = №{ $id } міндеттемені жаңа ғана басқа біреу біріктірді; қайда екенін /status { $id } көрсетеді.
split-usage = Қолданылуы: /split НӨМІР №НӨМІР біріктіруін болдырмайды; /split НӨМІР ЖАРИЯЛАНЫМ жарияланымды жеке міндеттеме етеді; біріктірілмеген міндеттемеге /split НӨМІР одан не бөлуге болатынын көрсетеді.
split-done = №{ $id } №{ $kept } міндеттемесінен қайта бөлінді: { $mentions } жарияланым және { $followers } жазылған чат қайтарылды.
split-mention-done = №{ $kept } міндеттемесінің { $mention } жарияланымы енді жеке №{ $id } міндеттеме. Карточкасы — /status { $id }.
split-nothing = №{ $id } міндеттемесінен бөлетін ештеңе жоқ: оған ештеңе біріктірілмеген, салыстыру арқылы қосылған жарияланым да жоқ.
split-options-title = <b>№{ $id } міндеттемесінен бөлуге болатындар:</b>
split-option-merged = • №{ $merged } { $title }: { $mentions } жарияланым, біріктірген { $by } { $date } → /split { $merged }
split-option-matched = • { $mention } жарияланым: { $source }, { $date }, «{ $phrase }» → /split { $id } { $mention }
split-error-not_found = №{ $id } міндеттеме жоқ.
split-error-not_merged = №{ $id } басқа міндеттемемен біріктірілмеген.
split-error-no_mention = №{ $id } міндеттемесінде { $other } жарияланым жоқ. /split { $id } бөлуге болатын жарияланымдарды көрсетеді.
split-error-first_mention = №{ $id } дәл осы жарияланымнан құрылған; оны бөлуге болмайды.
split-error-came_with_merge = Бұл жарияланым №{ $other } біріктірілгенде келді: /split { $other } оны болдырмайды.
split-error-conflict = №{ $id } міндеттемені жаңа ғана басқа біреу өзгертті; қайталап көріңіз.
split-error-taken = Бұл жарияланымның сөйлемі қазірдің өзінде №{ $other } міндеттеме.
questions-none = Ашық сұрақ жоқ: салыстыруда сұрайтын ештеңе жоқ.
questions-title = <b>Сол міндеттеме ме?</b> { $total } ашық сұрақ, алдымен ескілері.
questions-more = Төменде алғашқы { $shown }; соларға жауап беріп, қалғаны үшін /questions қайта жіберіңіз.
match-head = <b>{ $id } сұрақ:</b> №{ $new } мен №{ $old } бір міндеттеме ме? (баға { $score })
match-side-new = <b>Жаңа №{ $id }:</b> { $title }
match-side-old = <b>Сақталған №{ $id }:</b> { $title }
match-side-merged = <i>(содан бері №{ $id } міндеттемесімен біріктірілген)</i>
match-side-detail = { $due } · { $body } · { $source }, { $date }
match-reasons = <i>Неге сұраймыз:</i> { $reasons }
match-same = ✅ Бірдей
match-different = ✖ Басқа
match-word-same = бірдей
match-word-different = басқа
match-someone = әкімші
match-alert-same = №{ $new } №{ $old } міндеттемесімен біріктірілді.
match-alert-different = Бөлек қалдырылды.
match-answered-same = ✅ { $name } «бірдей» деп жауап берді: №{ $new } №{ $old } міндеттемесімен біріктірілді. /split { $new } мұны болдырмайды.
match-answered-different = ✖ { $name } «басқа» деп жауап берді: №{ $new } жеке міндеттеме болып қалады.
match-already = Жауап берілген, жауап берген { $name }: { $answer }, { $date }.
match-gone = Бұл сұрақ енді жоқ.

# /scorecard (issue 9): per responsible body, how commitments were kept.
cmd-scorecard = Органдар міндеттемелерді қалай орындайды
    .usage = scorecard [орган|НӨМІР]
scorecard-title = <b>Қорытынды</b>: жауапты органдар міндеттемелерді қалай орындайды
scorecard-body-title = <b>{ $body }</b> · барлығы { $tracked }
scorecard-outcomes = ✅ { $ontime } мерзімінде · ⏰ { $late } кешігіп · ❌ { $missed } орындалмады · 🔴 { $overdue } мерзімі өткен
scorecard-moved = ↪️ мерзімі жылжыған: { $moved }, медианасы — { $slip }
scorecard-not-moved = ↪️ мерзімдер жылжымаған
scorecard-slip-later = { $days } күн кейін
scorecard-slip-earlier = { $days } күн ерте
scorecard-all-bodies = Барлық органдар
scorecard-no-body-named = орган көрсетілмеген
scorecard-more-bodies = …және тағы { $count } орган: /scorecard АТАУЫ біреуін көрсетеді.
scorecard-definitions = <i>Мерзімінде не кешігіп: алғаш аталған мерзімге дейін не одан кейін орындалды (Астана уақытымен). Мерзімі өткен: орындалуда, ал қолданыстағы мерзім өтіп кетті. Мерзімі жылжыған: кейінгі дереккөз не ауыстыру мерзімді өзгертті.</i>
scorecard-empty = Әзірге міндеттеме жоқ, қорытынды да жоқ.
scorecard-no-body = «{ $text }» деген жауапты орган жоқ.
scorecard-try = /scorecard деп жазсаңыз — барлық органдар, /scorecard transport не /scorecard 12 — бір міндеттеменің мерзімдері.
scorecard-no-commitment = №{ $id } міндеттеме жоқ. Нөмірлер — /list ішінде.
scorecard-chart-caption = Мерзімінде, кешігіп, орындалмаған және мерзімі өткен — жауапты органдар бойынша.
scorecard-chart-failed = Графикті қазір салу мүмкін болмады; жоғарыдағы сандар толық.
scorecard-chart-title = Жауапты органдар міндеттемелерді қалай орындайды
scorecard-chart-on-time = мерзімінде
scorecard-chart-late = кешігіп
scorecard-chart-missed = орындалмады
scorecard-chart-overdue = мерзімі өткен
scorecard-chart-tracked = барлығы { $count }
scorecard-chart-empty = Әзірге орындалған, орындалмаған не мерзімі өткен жоқ.
timeline-title = <b>№{ $id } { $title }</b>
timeline-body = Жауапты: { $body }
timeline-merged = №{ $from } №{ $id } міндеттемесімен біріктірілді: оның мерзімдері осында.
timeline-first = Алғаш аталды { $on }: мерзімі { $due }
timeline-first-unknown = Алғаш аталды: мерзімі { $due }
timeline-step = { $on }: { $what }, мерзімі { $due }
timeline-in-force = <b>Қолданыстағы мерзім: { $due }</b> ({ $status })
timeline-slip = Барлығы мерзімі { $slip } жылжыды.
timeline-closed = Жабылды { $on }: { $status }, { $verdict }.
timeline-verdict-on-time = мерзімінде
timeline-verdict-late = кешігіп
timeline-verdict-none = салыстыратын мерзім жоқ
timeline-caption = №{ $id }: аталған барлық мерзімдер және бүгінгі күн.
timeline-step-first = Алғаш аталды
timeline-step-slip = Мерзімі кейінге жылжыды
timeline-step-pull-in = Мерзімі ертерек болды
timeline-step-dated = Мерзімі аталды
timeline-step-postponed = Мерзімі ауыстырылды
timeline-chart-in-force = Қолданыстағы мерзім
timeline-chart-today = бүгін
