# Mindet, русский. Все сообщения бота. Разметка (<b>, <i>, <blockquote>, <a>) только в
# сообщениях, которые уходят как HTML; переменные экранирует вызывающий код. Термины: GLOSSARY.md.

## Ошибки, ограничения, отказы
error-generic = Что-то пошло не так, попробуйте ещё раз.
slow-down = Не так быстро, пожалуйста: отвечу через несколько секунд.
slow-down-alert = Не так быстро, пожалуйста.
button-expired = Эта кнопка устарела.
button-not-here = Здесь эта кнопка не работает.
admin-only = Эта команда только для администраторов Mindet.
admin-only-alert = Это могут только администраторы Mindet.
admin-anonymous = Вы пишете анонимно, и я не могу проверить, администратор ли вы Mindet. Отправьте эту команду мне в личный чат.
group-admins-only = Менять подписки и настройки группы могут только её администраторы.
group-admins-only-channel = Менять подписки и настройки группы могут только её администраторы. Пишите от своего имени, а не от имени канала.

## /start, /help, меню команд
start-greeting =
    👋 <b>Mindet</b> следит за обязательствами государства со сроками, взятыми из официальных новостей.
    Подпишитесь на всё, на тему, министерство или одно обязательство — и я напомню в этот чат до срока, в день срока и после него.
    Попробуйте /list, /upcoming или /search; все команды — в /help.
start-follow-all = 🔔 Подписаться на всё
start-browse = 📋 Посмотреть
help-title = <b>Команды</b>
help-admin-title = <b>Для администраторов</b>
help-merge-note = <i>/merge 12 15</i> сохраняет №12: к нему переходят публикации №15, чаты, подписанные на №15, подписываются на №12, а срок №12 берётся из последней публикации (если администратор не переносил его). <i>/split 15</i> отменяет ровно это. <i>/split 12</i> показывает, что можно отделить от №12: объединённые обязательства и публикации, присоединённые сопоставлением (<i>/split 12 ПУБЛИКАЦИЯ</i> делает публикацию отдельным обязательством). <i>/questions</i> — пары, в которых сопоставление не уверено; ответ — «То же» или «Другое».
help-footer = В группах подписки и настройки меняют только администраторы. Номера обязательств — в /list.
cmd-start = Что умеет этот бот
cmd-help = Все команды
cmd-list = Все обязательства, ближайшие сроки первыми
cmd-upcoming = Сроки в ближайшие N дней (по умолчанию 30)
    .usage = upcoming [дней]
cmd-overdue = Просроченные
cmd-status = Карточка обязательства
    .usage = status НОМЕР
cmd-search = Поиск обязательств по словам
    .usage = search СЛОВА
cmd-follow = Подписка: на всё, номер, тему или орган
    .usage = follow [all|НОМЕР|тема|орган]
cmd-unfollow = Отписаться
    .usage = unfollow [all|НОМЕР|тема|орган]
cmd-mine = Подписки и настройки этого чата
cmd-settings = Часовой пояс, дни напоминаний, сводка, тихие часы
cmd-calendar = Сроки подписок в файле .ics
cmd-language = Язык этого чата
    .usage = language [en|ru|kk]
cmd-done = Отметить выполненным
    .usage = done НОМЕР [ссылка] [примечание]
cmd-missed = Отметить невыполненным
    .usage = missed НОМЕР [примечание]
cmd-postpone = Перенести срок
    .usage = postpone НОМЕР ДАТА [примечание]
cmd-reopen = Вернуть закрытое обязательство в работу
    .usage = reopen НОМЕР
cmd-ingest = Ответом на текст или .txt: добавить его обязательства
cmd-stats = Цифры по базе и чатам
cmd-sources = Источники новостей и их состояние
cmd-addsource = Добавить ленту или страницу новостей
    .usage = addsource URL [--links ШАБЛОН] [--every МИНУТ]
cmd-removesource = Перестать читать источник
    .usage = removesource НОМЕР
cmd-poll = Прочитать все источники сейчас
cmd-merge = Объединить две записи одного обязательства
    .usage = merge НОМЕР ДРУГОЙ_НОМЕР
cmd-split = Отменить объединение или отделить публикацию
    .usage = split НОМЕР [ПУБЛИКАЦИЯ]
cmd-questions = Вопросы «то же обязательство?»

## Всё остальное
fallback-unknown-command = Я не знаю команды /{ $command }. Все мои команды — в /help.
fallback-edited = Я не выполняю отредактированные сообщения; отправьте команду заново.
fallback-text = Я понимаю команды: попробуйте /list, /upcoming или /search СЛОВА. Полный список — в /help.
fallback-media = Я читаю только текстовые команды (стикеры, фото и файлы — кроме /ingest — не для меня). Список команд — в /help.

## /language
language-current = Язык этого чата: { $name }. Выберите другой:
language-set = ✅ Теперь этот чат на русском.
language-unknown = Языка «{ $code }» я не знаю. Доступны: { $list }, например /language ru.
language-set-alert = Русский

## Даты и дни
due-day = { $day } { $month } { $year }
due-month = { $month } { $year }
due-quarter = { $roman } квартал { $year }
due-year = { $year } год
due-spring = весна { $year }
due-summer = лето { $year }
due-autumn = осень { $year }
due-winter = зима { $years }
due-none = без срока
days-today = срок сегодня
days-tomorrow = завтра
days-left = через { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }
days-overdue = просрочено на { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }
zone-astana = по времени Астаны
zone-other = по времени { $zone }

## Статусы
status-open = 🟢 в работе
status-overdue = 🔴 просрочено
status-done = ✅ выполнено
status-missed = ❌ не выполнено
status-postponed = 🕓 срок перенесён
status-cancelled = ⚪ отменено

## Списки
list-title-all = Все обязательства, ближайшие сроки первыми
list-title-overdue = Просроченные обязательства
list-title-upcoming = Сроки в ближайшие { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }
list-header = <b>{ $title }</b> ({ $total })
list-header-paged = <b>{ $title }</b> ({ $total }, стр. { $page } из { $pages })
list-footer = <i>/status НОМЕР — полная карточка</i>
list-empty-all = Пока нет ни одного обязательства.
list-empty-overdue = Просроченных нет. 🎉
list-empty-upcoming = В ближайшие { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    } сроков нет. Попробуйте /upcoming 90 или /list.
list-expired = Эта кнопка устарела; отправьте /list ещё раз.
upcoming-usage = Как пользоваться: /upcoming [дней], число от 1 до { $max } (по умолчанию { $default }).
upcoming-too-far = { $days } — слишком далеко вперёд: /list показывает всё, ближайшие сроки первыми.

## Карточка обязательства
status-usage = Как пользоваться: /status НОМЕР, например /status 12. Номера — в /list.
status-not-a-number = Номер обязательства — это число, например /status 12. Найти по словам можно через /search.
status-not-found = Обязательства №{ $id } нет. Все они — в /list.
card-follow = 🔔 Подписаться
card-responsible = <b>Ответственный:</b> { $who }
card-not-named = не указан
card-due = <b>Срок:</b> { $date } (до конца дня { $zone })
card-due-counted = { $label }, считаем { $day }
card-due-none = <b>Срок:</b> не указан
card-precision = <b>Точность срока:</b> { $precision }
precision-day = точная дата
precision-month = месяц: считается последний день
precision-quarter = квартал: считается последний день
precision-season = время года: считается последний день
precision-year = год: считается последний день
precision-vague = размыто: дата не названа
precision-none = без срока
precision-postponed = точная дата (назначена при переносе)
card-as-written = <b>В тексте:</b> «{ $text }»
card-originally-due = <b>Первоначальный срок:</b> { $date }
card-status = <b>Статус:</b> { $status }
card-history-none = <b>История:</b> без изменений с момента публикации
card-history = <b>История:</b>
card-history-latest = <b>История:</b> (последние { $shown } из { $total })
card-history-new-date = (новый срок { $date })
card-history-by = — { $name }
card-history-evidence = подтверждение
card-source = <b>Источник:</b> { $document }
card-page = <b>Страница:</b> <a href="{ $url }">{ $shown }</a>
card-article = <b>Статья:</b> { $article }
card-published = <b>Опубликовано:</b> { $date }
card-published-unknown = дата не указана
card-quote = <b>Цитата:</b>
card-withdrawn = <i>В исходном документе этого больше нет.</i>

## /search
search-usage = Как пользоваться: /search СЛОВА, например /search порт Актау.
search-none = По запросу «{ $query }» ничего не найдено.{ $note } Попробуйте меньше слов или слова короче.
search-found = <b>Найдено по запросу «{ $query }»: { $total }</b>{ $more }{ $note }
search-found-many = <b>Найдено по запросу «{ $query }»: более { $total }</b>{ $more }{ $note }
search-more = { " " }(первые { $shown }; добавьте слов, чтобы сузить поиск)
search-cut = { " " }<i>(учтены только первые { $max } символов)</i>

## /follow, /unfollow
follow-prompt = На что подписать этот чат? Выберите кнопку или отправьте /follow НОМЕР, /follow ТЕМА или /follow МИНИСТЕРСТВО.
follow-everything-button = 🔔 На всё
follow-added = 🔔 Этот чат теперь подписан на { $what }.
follow-already = Этот чат уже подписан на { $what }.
follow-mine-hint = Все подписки — в /mine.
follow-next = Следующее напоминание: { $day }, { $time } — «{ $title }» (срок { $due }) · /c { $id }
follow-next-none = По подпискам этого чата ближайших напоминаний пока нет.
follow-expired = Эта кнопка устарела; отправьте /follow ещё раз.
follow-no-commitment = Обязательства №{ $id } нет.
follow-nothing-called = «{ $text }» не нашлось: это не номер обязательства, не тема и не ответственный орган.
follow-did-you-mean = Возможно, вы имели в виду:
follow-try = Попробуйте /{ $command } all, /{ $command } 12 (номер из /list), тему, например /{ $command } digital, или министерство.
unfollow-nothing-yet = Этот чат пока ни на что не подписан. Начните с /follow.
unfollow-prompt = Нажмите, от чего отписать этот чат:
unfollow-stop-everything = ✖ Отписаться от всего
unfollow-all-done = 🔕 Готово: этот чат больше ни на что не подписан и напоминаний не получит.
unfollow-all-none = Этот чат ни на что не был подписан.
unfollow-done = 🔕 Чат больше не подписан на { $what }.
unfollow-not-followed = Этот чат не был подписан на { $what }.
unfollow-expired = Эта кнопка устарела; отправьте /unfollow ещё раз.
unfollow-alert-all = Этот чат больше ни на что не подписан.
unfollow-alert-one = Подписка отменена.
unfollow-alert-gone = Уже отменена.
unfollow-now-empty = Этот чат больше ни на что не подписан. Чтобы начать заново — /follow.
follow-what-all = всё
follow-what-topic = тему «{ $topic }»
follow-what-body = «{ $body }»
follow-what-commitment = обязательство №{ $id }
follow-item-all = всё
follow-item-topic = тема «{ $topic }»
follow-item-body = «{ $body }»
follow-item-commitment = обязательство №{ $id }
topic-digital = цифровизация и ИИ
topic-justice = правосудие и право
topic-environment = экология
topic-transport = транспорт и логистика
topic-economy = экономика и торговля
topic-social = социальная политика
topic-security = безопасность и внешняя политика
topic-energy = энергетика
topic-health = здравоохранение
topic-education = образование

## /mine, /settings
mine-title = <b>Подписки этого чата</b>
mine-nothing = пока нет: начните с /follow.
mine-footer = Изменить — /settings, файл .ics для календаря — /calendar.
settings-title = <b>Настройки этого чата</b>
settings-time-zone = <b>Часовой пояс:</b> { $zone }
settings-reminders = <b>Напоминания:</b> { $offsets }, в { $hour }
settings-digest = <b>Еженедельная сводка:</b> { $digest }
settings-quiet = <b>Тихие часы:</b> { $quiet }
settings-language = <b>Язык:</b> { $language }
settings-new = <b>Новые обязательства из источников:</b> { $state }
settings-new-on = сообщать
settings-new-off = не сообщать
settings-error-new = Напишите /settings new on или /settings new off (сообщать ли о новых обязательствах из источников новостей).
settings-digest-off = выключена
settings-digest-at = { $day }, { $hour }
settings-quiet-none = нет
offset-due-day = в день срока
offset-before = за { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }
offset-after = { $days ->
        [1] на следующий день после срока
       *[other] через { $days } { $days ->
            [one] день
            [few] дня
            [many] дней
           *[other] дня
        } после срока
    }
offsets-none = нет
settings-usage =
    Меняйте кнопками или командами:
    /settings tz Europe/Berlin
    /settings offsets 7,1,0,-1 <i>(дней до срока; 0 — в день срока, -1 — через день после)</i>
    /settings hour 9 <i>(во сколько приходят напоминания)</i>
    /settings digest mon 9 · /settings digest off
    /settings quiet 22-7 · /settings quiet off
    /settings new off <i>(не сообщать о новых обязательствах из источников новостей)</i>
    /language — язык чата
settings-unknown = Такой настройки нет: «{ $name }».
settings-saved = ✅ Сохранено.
settings-saved-alert = Сохранено: { $choice }
settings-expired = Эта кнопка устарела; отправьте /settings ещё раз.
settings-choice-digest-off = Без сводки
settings-choice-digest-mon = Пн 09:00
settings-choice-digest-fri = Пт 17:00
settings-choice-quiet-none = Без тихих часов
settings-choice-quiet-22 = Тихо 22–07
settings-choice-quiet-21 = Тихо 21–08
settings-error-zone = «{ $text }» — не часовой пояс; укажите название IANA, например Asia/Almaty или Europe/Berlin.
settings-error-offsets = Дни напоминаний — целые числа дней до срока от { $min } до { $max }, не больше { $count }, например 7,1,0,-1 (0 — в день срока, -1 — на следующий день после).
settings-error-offsets-not-number = «{ $text }» — не число дней. { settings-error-offsets }
settings-error-offsets-range = { $text } — вне допустимого диапазона. { settings-error-offsets }
settings-error-offsets-too-many = Слишком много дней. { settings-error-offsets }
settings-error-digest = Сводка: день недели (mon..sun) и час 0–23, например «mon 9», или «off».
settings-error-digest-weekday = «{ $text }» — не день недели. { settings-error-digest }
settings-error-digest-hour = «{ $text }» — не час. { settings-error-digest }
settings-error-quiet = Тихие часы: «НАЧАЛО-КОНЕЦ» в целых часах по местному времени, например 22-7, или «off».
settings-error-quiet-same = Начало и конец совпадают. { settings-error-quiet }
settings-error-hour = Час напоминаний: целое число от 0 до 23, например 9.

## /calendar
calendar-empty = Этот чат пока не подписан ни на одно открытое обязательство со сроком, так что календарь был бы пустым. Отправьте /follow all, а затем снова /calendar.
calendar-caption = { $count } { $count ->
        [one] срок
        [few] срока
        [many] сроков
       *[other] срока
    } в виде событий на весь день. Откройте файл, чтобы добавить их в календарь; повторный импорт обновит их.
ics-calendar-name = Обязательства Mindet
ics-responsible = Ответственный: { $who }
ics-as-written = Срок в тексте: { $text }
ics-source = Источник: { $source }

## Администраторам: /done, /missed, /postpone, /reopen, /ingest, /stats
admin-usage-done = Как пользоваться: /done НОМЕР [ссылка-подтверждение] [примечание], например /done 12 https://gov.kz/news/1 подписано
admin-usage-missed = Как пользоваться: /missed НОМЕР [примечание]
admin-usage-postpone = Как пользоваться: /postpone НОМЕР ДАТА [примечание], например /postpone 12 2026-06-30 или /postpone 12 30.06.2026
admin-usage-reopen = Как пользоваться: /reopen НОМЕР [примечание]
admin-changed-done = №{ $id } отмечено выполненным ✅. Подписанные чаты получат уведомление. История — в /status { $id }.
admin-changed-missed = №{ $id } отмечено невыполненным ❌. Подписанные чаты получат уведомление. История — в /status { $id }.
admin-changed-postponed = Срок №{ $id } перенесён 🕓 на { $date }. Подписанные чаты получат уведомление. История — в /status { $id }.
admin-changed-open = №{ $id } снова в работе. Подписанные чаты получат уведомление. История — в /status { $id }.
admin-error-not_found = Обязательства №{ $id } нет.
admin-error-invalid_transition = Обязательство №{ $id } нельзя перевести в этот статус из текущего.
admin-error-invalid_date = Неверная дата; пишите так: 2026-06-30 или 30.06.2026.
admin-error-date_in_past = Новый срок уже прошёл.
admin-error-same_date = Это и так его срок.
admin-error-invalid_url = Ссылка-подтверждение должна начинаться с http:// или https://.
admin-error-note_too_long = Примечание слишком длинное.
admin-error-conflict = Обязательство №{ $id } только что изменил кто-то другой; попробуйте ещё раз.
ingest-how = Отправьте /ingest ответом на текстовое сообщение или файл .txt (или приложите .txt с подписью /ingest).
ingest-only-txt = Принимаются только документы .txt.
ingest-too-big = Файл больше { $limit } КБ.
ingest-no-file = Telegram не отдал этот файл; попробуйте отправить его ещё раз.
ingest-download-failed = Не удалось скачать файл; попробуйте ещё раз.
ingest-bad-document = Этот файл не читается как текст: { $reason }
ingest-failed = Не удалось разобрать этот текст; ничего не добавлено.
ingest-timeout = Разбор этого текста занял больше { $seconds } с и был остановлен; ничего не добавлено. Разделите текст на части и попробуйте снова.
ingest-none = В этом тексте я не нашёл обязательств; добавлять нечего.
ingest-found = <b>Найдено обязательств: { $count }</b> (будут сохранены как { $file }):
ingest-more = …и ещё { $count }.
ingest-ask = Добавить?
ingest-add = ✅ Добавить
ingest-cancel = ✖ Отмена
ingest-expired = Предпросмотр устарел; отправьте /ingest ещё раз.
ingest-cancelled-alert = Отменено
ingest-cancelled = Отменено: ничего не добавлено.
ingest-added-alert = Добавлено
ingest-stored = ✅ Сохранено как { $file }: { $detail }. Смотрите /list.
ingest-unchanged = уже было сохранено, ничего не изменилось
ingest-counts = добавлено { $added }, обновлено { $updated }
stats-title = <b>Статистика Mindet</b>
stats-commitments = Обязательств: { $total } (в работе { $open }, просрочено { $overdue }, перенесено { $postponed }, выполнено { $done }, не выполнено { $missed }, отменено { $cancelled }); без срока { $undated }, исчезло из источника { $withdrawn }
stats-sources = Источников: { $sources }; изменений статуса: { $changes }
stats-chats = Чатов: { $chats } (активных { $active }); подписок: { $follows }
stats-outbox = Очередь напоминаний: { $outbox }
stats-outbox-empty = пуста

## Без входящего сообщения: напоминания, уведомления, сводки (их собирает src/reminders)
fresh-heading = 🆕 <b>Новые обязательства</b>
reminder-heading = ⏰ <b>Напоминания</b>
reminder-line = • { $title } — { $when } · /c { $id }
reminder-due-today = { $due }, <b>срок сегодня</b>
reminder-when = { $due }, { $days }
announce-heading = <b>Изменения статуса</b>
announce-done = ✅ Выполнено
announce-missed = ❌ Не выполнено
announce-cancelled = 🚫 Отменено
announce-postponed = 📅 Срок перенесён
announce-open = 🔄 Снова в работе
announce-new-date = 📅 Новый срок
announce-line = { $head }: { $title } · /c { $id }
announce-line-dated = { $head } на { $date }: { $title } · /c { $id }
announce-evidence = подтверждение
moved-heading = ⏩ <b>Сроки перенесены</b>
moved-line = Срок перенесён: { $from } → { $to } ({ $shift }), по данным «{ $source }»: { $title } · /c { $id }
moved-line-dated = Срок назначен: { $to }, по данным «{ $source }»: { $title } · /c { $id }
moved-later = +{ $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }
moved-earlier = −{ $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }
question-title = ❓ <b>То же, что #{ $candidate }?</b> Сопоставление не уверено (оценка { $score }).
question-new = <b>Новое #{ $id }</b>: { $title } — { $due }
question-old = <b>Известное #{ $id }</b>: { $title } — { $due }
question-reasons = <i>Почему: { $reasons }</i>
question-same = ✅ То же
question-different = ✖ Другое
digest-title = 🗓 <b>Еженедельная сводка</b>
digest-upcoming = <b>Сроки в ближайшие { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }</b>
digest-overdue = <b>Стали просроченными</b>

## Администраторам: источники новостей (/sources, /addsource, /removesource, /poll)
sources-never = ещё не было
sources-none = Источников новостей пока нет. /addsource URL добавляет ленту или страницу новостей; <code>mindet sources add --starter</code> добавляет стартовый список.
sources-title = <b>Источники новостей</b> ({ $count })
sources-feed = <b>№{ $id }</b> { $url }
sources-feed-links = <b>№{ $id }</b> { $url } (ссылки: { $links })
sources-feed-health = раз в { $every } мин · последнее чтение { $last } · следующее { $next } · { $items ->
        [one] { $items } материал
        [few] { $items } материала
       *[other] { $items } материалов
    }, { $commitments ->
        [one] { $commitments } обязательство
        [few] { $commitments } обязательства
       *[other] { $commitments } обязательств
    }
sources-state-ok = ✅ { $status }{ $note }
sources-state-new = ⏳ ещё не прочитан
sources-state-error = ❌ { $failures ->
        [one] ошибка
        [few] { $failures } ошибки подряд
       *[other] { $failures } ошибок подряд
    }: { $error }
sources-round = <b>Прочитано источников: { $polled }</b> за { $seconds } с: без ошибок { $ok }, без изменений { $unchanged }, с ошибкой { $failed }; новых материалов: { $items }, обязательств: { $commitments }.
sources-round-error = №{ $id }: { $error }
sources-add-usage =
    Формат: /addsource URL [--links ШАБЛОН] [--every МИНУТ]
    ШАБЛОН выбирает ссылки на статьи на странице новостей без ленты: регулярное выражение или css:СЕЛЕКТОР.
sources-add-every = После --every укажите целое число минут (не меньше 5).
sources-added = Источник №{ $id } добавлен: { $url }
    Он будет прочитан в течение минуты; результат — в /sources.
sources-exists = { $url } уже добавлен как источник №{ $id }.
sources-not-added = Не добавлен: { $reason }
sources-remove-usage = Формат: /removesource НОМЕР (номера — в /sources)
sources-removed = Источник №{ $id } удалён. Найденные в нём обязательства остаются.
sources-no-such = Источника №{ $id } нет. Список — в /sources.
sources-not-running = В этом процессе источники новостей не читаются.
sources-failing = ⚠️ Источник №{ $id } ({ $url }) не читается { $failures ->
        [one] { $failures } раз
        [few] { $failures } раза подряд
       *[other] { $failures } раз подряд
    }: { $reason }
    Следующая попытка: { $next }. Все источники — в /sources; /removesource { $id } удаляет этот.

## Повторные сообщения: /merge, /split, /questions и публикации на карточке (задача 9)
card-merges = <b>Объединения:</b>
card-merges-latest = <b>Объединения:</b> (последние { $shown } из { $total })
card-merge-in = • { $date }: присоединено №{ $id } ({ $count } { $count ->
        [one] публикация
        [few] публикации
        [many] публикаций
       *[other] публикации
    }) — { $name }
card-merge-out = • { $date }: №{ $id } снова отделено — { $name }
card-merged-into = <i>Объединено с №{ $id }: публикации, подписки и напоминания теперь там.</i>
card-open-merged = Открыть №{ $id }
card-mentions = <b>Публикации ({ $total }), сначала новые:</b>
card-mention = • { $date } · { $document }: «{ $phrase }»
card-mention-no-phrase = срок не указан
card-mention-merged = (из №{ $id })
card-mention-withdrawn = (в источнике этого больше нет)
card-mentions-more = …и ещё { $count } { $count ->
        [one] публикация
        [few] публикации
        [many] публикаций
       *[other] публикации
    }
card-due-changes = <b>История сроков:</b>
card-due-changes-latest = <b>История сроков:</b> (последние { $shown } из { $total })
card-due-change-later = • { $from } → { $to } (+{ $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }), по данным: { $source }, заявлено { $stated }
card-due-change-earlier = • { $from } → { $to } (−{ $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }), по данным: { $source }, заявлено { $stated }
card-due-change-dated = • без срока → { $to }, по данным: { $source }, заявлено { $stated }
merge-usage = Как пользоваться: /merge НОМЕР ДРУГОЙ_НОМЕР, например /merge 12 15: публикации №15 переходят к №12, который сохраняет номер, статус и историю; чаты, подписанные на №15, будут подписаны на №12. /split 15 отменяет объединение.
merge-done = №{ $merged } объединено с №{ $kept }: { $mentions } { $mentions ->
        [one] публикация
        [few] публикации
        [many] публикаций
       *[other] публикации
    }, { $followers } { $followers ->
        [one] подписанный чат перенесён
        [few] подписанных чата перенесено
        [many] подписанных чатов перенесено
       *[other] подписанного чата перенесено
    }.
merge-due-moved = Срок №{ $kept } теперь { $date } (был { $before }): по последней публикации.
merge-undo-hint = Карточка — /status { $kept }; /split { $merged } отменяет объединение.
merge-error-not_found = Обязательства №{ $id } нет.
merge-error-same = Обязательство нельзя объединить с самим собой.
merge-error-kept_merged = №{ $id } уже объединено с №{ $into }; объединяйте с №{ $into }.
merge-error-already_merged = №{ $id } уже объединено с №{ $into }. Чтобы объединить его с другим, сначала /split { $id }.
merge-error-conflict = №{ $id } только что объединил кто-то другой; где оно теперь — в /status { $id }.
split-usage = Как пользоваться: /split НОМЕР отменяет объединение №НОМЕР; /split НОМЕР ПУБЛИКАЦИЯ делает публикацию отдельным обязательством; /split НОМЕР для необъединённого обязательства показывает, что можно отделить.
split-done = №{ $id } снова отделено от №{ $kept }: возвращено { $mentions } { $mentions ->
        [one] публикация
        [few] публикации
        [many] публикаций
       *[other] публикации
    } и { $followers } { $followers ->
        [one] подписанный чат
        [few] подписанных чата
        [many] подписанных чатов
       *[other] подписанного чата
    }.
split-mention-done = Публикация { $mention } из №{ $kept } теперь отдельное обязательство №{ $id }. Карточка — /status { $id }.
split-nothing = От №{ $id } нечего отделять: с ним ничего не объединяли, и ни одна публикация не присоединена сопоставлением.
split-options-title = <b>Что можно отделить от №{ $id }:</b>
split-option-merged = • №{ $merged } { $title }: { $mentions } { $mentions ->
        [one] публикация
        [few] публикации
        [many] публикаций
       *[other] публикации
    }, объединил(а) { $by } { $date } → /split { $merged }
split-option-matched = • публикация { $mention }: { $source }, { $date }, «{ $phrase }» → /split { $id } { $mention }
split-error-not_found = Обязательства №{ $id } нет.
split-error-not_merged = №{ $id } не объединено с другим обязательством.
split-error-no_mention = У №{ $id } нет публикации { $other }. /split { $id } покажет, что можно отделить.
split-error-first_mention = Из этой публикации №{ $id } и было создано; её нельзя отделить.
split-error-came_with_merge = Эта публикация пришла при объединении с №{ $other }: /split { $other } отменяет его.
split-error-conflict = №{ $id } только что изменил кто-то другой; попробуйте ещё раз.
split-error-taken = Предложение этой публикации уже является обязательством №{ $other }.
questions-none = Открытых вопросов нет: сопоставлению нечего спросить.
questions-title = <b>То же обязательство?</b> { $total } { $total ->
        [one] открытый вопрос
        [few] открытых вопроса
        [many] открытых вопросов
       *[other] открытого вопроса
    }, сначала старые.
questions-more = Ниже первые { $shown }; ответьте на них и отправьте /questions снова за остальными.
match-head = <b>Вопрос { $id }:</b> №{ $new } — то же обязательство, что №{ $old }? (оценка { $score })
match-side-new = <b>Новое №{ $id }:</b> { $title }
match-side-old = <b>Сохранённое №{ $id }:</b> { $title }
match-side-merged = <i>(с тех пор объединено с №{ $id })</i>
match-side-detail = { $due } · { $body } · { $source }, { $date }
match-reasons = <i>Почему спрашиваем:</i> { $reasons }
match-same = ✅ То же
match-different = ✖ Другое
match-word-same = то же
match-word-different = другое
match-someone = администратор
match-alert-same = №{ $new } объединено с №{ $old }.
match-alert-different = Оставлены раздельно.
match-answered-same = ✅ { $name } ответил(а) «то же»: №{ $new } объединено с №{ $old }. /split { $new } отменяет это.
match-answered-different = ✖ { $name } ответил(а) «другое»: №{ $new } остаётся отдельным обязательством.
match-already = Уже ответил(а) { $name }: { $answer }, { $date }.
match-gone = Этого вопроса больше нет.

# /scorecard (issue 9): per responsible body, how commitments were kept.
cmd-scorecard = Как органы выполняют обязательства
    .usage = scorecard [орган|НОМЕР]
scorecard-title = <b>Итоги</b>: как ответственные органы выполняют обязательства
scorecard-body-title = <b>{ $body }</b> · всего { $tracked }
scorecard-outcomes = ✅ { $ontime } в срок · ⏰ { $late } с опозданием · ❌ { $missed } не выполнено · 🔴 { $overdue } просрочено
scorecard-moved = ↪️ срок сдвигался: { $moved }, медиана — { $slip }
scorecard-not-moved = ↪️ сроки не сдвигались
scorecard-slip-later = на { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    } позже
scorecard-slip-earlier = на { $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    } раньше
scorecard-all-bodies = Все органы
scorecard-no-body-named = орган не указан
scorecard-more-bodies = …и ещё { $count } { $count ->
        [one] орган
        [few] органа
        [many] органов
       *[other] органа
    }: /scorecard НАЗВАНИЕ покажет один.
scorecard-definitions = <i>В срок или с опозданием: выполнено к первому названному сроку или позже (по времени Астаны). Просрочено: в работе, а действующий срок прошёл. Срок сдвигался: более поздний источник или перенос изменил срок.</i>
scorecard-empty = Обязательств пока нет, итогов тоже.
scorecard-no-body = Ответственного органа «{ $text }» нет.
scorecard-try = Попробуйте /scorecard без слов — все органы, /scorecard transport или /scorecard 12 — сроки одного обязательства.
scorecard-no-commitment = Обязательства №{ $id } нет. Номера — в /list.
scorecard-chart-caption = В срок, с опозданием, не выполнено и просрочено — по ответственным органам.
scorecard-chart-failed = График сейчас построить не удалось; цифры выше полные.
scorecard-chart-title = Как ответственные органы выполняют обязательства
scorecard-chart-on-time = в срок
scorecard-chart-late = с опозданием
scorecard-chart-missed = не выполнено
scorecard-chart-overdue = просрочено
scorecard-chart-tracked = всего { $count }
scorecard-chart-empty = Пока ничего не выполнено, не провалено и не просрочено.
timeline-title = <b>№{ $id } { $title }</b>
timeline-body = Ответственный: { $body }
timeline-merged = №{ $from } объединено с №{ $id }: его сроки здесь.
timeline-first = Впервые названо { $on }: срок { $due }
timeline-first-unknown = Впервые названо: срок { $due }
timeline-step = { $on }: { $what }, срок { $due }
timeline-in-force = <b>Действующий срок: { $due }</b> ({ $status })
timeline-slip = Всего срок сдвинулся { $slip }.
timeline-closed = Закрыто { $on }: { $status }, { $verdict }.
timeline-verdict-on-time = в срок
timeline-verdict-late = с опозданием
timeline-verdict-none = срока для сравнения нет
timeline-caption = №{ $id }: все названные сроки и сегодняшний день.
timeline-step-first = Впервые названо
timeline-step-slip = Срок сдвинут позже
timeline-step-pull-in = Срок сдвинут раньше
timeline-step-dated = Назван срок
timeline-step-postponed = Срок перенесён
timeline-chart-in-force = Действующий срок
timeline-chart-today = сегодня
