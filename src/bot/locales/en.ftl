# Mindet, English. Every message the bot sends. Markup: <b>, <i>, <blockquote>, <a> only in
# messages sent as HTML; variables are escaped by the caller. See GLOSSARY.md for the terms.

## Errors, limits, refusals
error-generic = Something went wrong; try again.
slow-down = Slow down a little, please: I'll answer again in a few seconds.
slow-down-alert = Slow down a little, please.
button-expired = This button has expired.
button-not-here = This button does not work here.
admin-only = This command is for Mindet admins only.
admin-only-alert = Only Mindet admins can do this.
admin-anonymous = You are writing anonymously, so I cannot tell whether you are a Mindet admin. Send this command in a private chat with me.
group-admins-only = Only this group's admins can change what it follows and its settings.
group-admins-only-channel = Only this group's admins can change what it follows and its settings. Write as yourself, not as a channel.

## /start, /help, the command menu
start-greeting =
    👋 <b>Mindet</b> keeps track of the government's dated commitments, read from official news.
    Follow everything, a topic, a ministry or one commitment, and I remind this chat before, on and after each deadline.
    Try /list, /upcoming or /search; /help lists every command.
start-follow-all = 🔔 Follow all
start-browse = 📋 Browse
help-title = <b>Commands</b>
help-admin-title = <b>Admin</b>
help-merge-note = <i>/merge 12 15</i> keeps #12: the reports of #15 join it, chats following #15 follow #12, and #12's due date becomes the latest report's (unless an admin postponed it). <i>/split 15</i> undoes exactly that. <i>/split 12</i> lists what can come off #12: merged commitments and reports the matcher joined (<i>/split 12 REPORT</i> makes one a commitment of its own). <i>/questions</i>: pairs the matcher was unsure of, answered with Same or Different.
help-footer = In groups only admins change follows and settings. Ids come from /list.
cmd-start = What this bot does
cmd-help = Every command
cmd-list = All tracked commitments, soonest first
cmd-upcoming = Due in the next N days (default 30)
    .usage = upcoming [days]
cmd-overdue = Past their due date
cmd-status = One commitment's card
    .usage = status ID
cmd-search = Find commitments by words
    .usage = search WORDS
cmd-follow = Follow all, an id, a topic or a body
    .usage = follow [all|ID|topic|body]
cmd-unfollow = Stop following
    .usage = unfollow [all|ID|topic|body]
cmd-mine = What this chat follows, and its settings
cmd-settings = Time zone, reminder days, digest, quiet hours
cmd-calendar = Followed deadlines as an .ics file
cmd-language = Language of this chat
    .usage = language [en|ru|kk]
cmd-done = Mark done
    .usage = done ID [URL] [note]
cmd-missed = Mark missed
    .usage = missed ID [note]
cmd-postpone = Move the due date
    .usage = postpone ID DATE [note]
cmd-reopen = Reopen a closed commitment
    .usage = reopen ID
cmd-ingest = Reply to a text or .txt: add its commitments
cmd-stats = Numbers about the store and the chats
cmd-sources = Live sources and their health
cmd-addsource = Add a feed or a news page
    .usage = addsource URL [--links PATTERN] [--every MINUTES]
cmd-removesource = Stop reading a source
    .usage = removesource ID
cmd-poll = Read every source now
cmd-merge = Join two records of one commitment
    .usage = merge ID OTHER_ID
cmd-split = Undo a merge, or split a report off
    .usage = split ID [REPORT]
cmd-questions = "Same commitment?" questions to answer

## Anything else
fallback-unknown-command = I don't know /{ $command }. /help lists my commands.
fallback-edited = I don't act on edited messages; send the command again.
fallback-text = I answer commands: try /list, /upcoming or /search WORDS. /help lists them all.
fallback-media = I only read text commands (stickers, photos and files aside from /ingest are not for me). /help lists them.

## /language
language-current = This chat's language: { $name }. Choose another:
language-set = ✅ This chat now speaks English.
language-unknown = I don't speak “{ $code }”. Choose one of: { $list }, e.g. /language ru.
language-set-alert = English

## Dates and days
# A due date as precise as the source gave it. $day, $month, $year are already formatted.
due-day = { $day } { $month } { $year }
due-month = { $month } { $year }
due-quarter = Q{ $quarter } { $year }
due-year = { $year }
due-spring = spring { $year }
due-summer = summer { $year }
due-autumn = autumn { $year }
due-winter = winter { $years }
due-none = no date
days-today = due today
days-tomorrow = tomorrow
days-left = in { $days } { $days ->
        [one] day
       *[other] days
    }
days-overdue = { $days } { $days ->
        [one] day
       *[other] days
    } overdue
zone-astana = Astana time
zone-other = { $zone } time

## Statuses
status-open = 🟢 open
status-overdue = 🔴 overdue
status-done = ✅ done
status-missed = ❌ missed
status-postponed = 🕓 postponed
status-cancelled = ⚪ cancelled

## Lists
list-title-all = Tracked commitments, soonest due first
list-title-overdue = Overdue commitments
list-title-upcoming = Due in the next { $days } { $days ->
        [one] day
       *[other] days
    }
list-header = <b>{ $title }</b> ({ $total })
list-header-paged = <b>{ $title }</b> ({ $total }, page { $page } of { $pages })
list-footer = <i>/status ID for the full card</i>
list-empty-all = No commitments are tracked yet.
list-empty-overdue = Nothing is overdue. 🎉
list-empty-upcoming = Nothing is due in the next { $days } { $days ->
        [one] day
       *[other] days
    }. Try /upcoming 90 or /list.
list-expired = This button has expired; send /list again.
upcoming-usage = Usage: /upcoming [days], a number from 1 to { $max } (default { $default }).
upcoming-too-far = { $days } is too far ahead: /list shows everything, soonest first.

## A commitment's card
status-usage = Usage: /status ID, for example /status 12. /list shows the ids.
status-not-a-number = A commitment id is a number, for example /status 12. /search finds one by words.
status-not-found = There is no commitment #{ $id }. /list shows them all.
card-follow = 🔔 Follow
card-responsible = <b>Responsible:</b> { $who }
card-not-named = not named
card-due = <b>Due:</b> { $date } (end of day, { $zone })
card-due-counted = { $label }, counted as { $day }
card-due-none = <b>Due:</b> no date
card-precision = <b>Precision:</b> { $precision }
precision-day = exact day
precision-month = month: the last day counts
precision-quarter = quarter: the last day counts
precision-season = season: the last day counts
precision-year = year: the last day counts
precision-vague = vague: no date given
precision-none = no date
precision-postponed = exact day (set when postponed)
card-as-written = <b>As written:</b> “{ $text }”
card-originally-due = <b>Originally due:</b> { $date }
card-status = <b>Status:</b> { $status }
card-history-none = <b>History:</b> no changes since it was read from the source
card-history = <b>History:</b>
card-history-latest = <b>History:</b> (latest { $shown } of { $total })
card-history-new-date = (new date { $date })
card-history-by = by { $name }
card-history-evidence = evidence
card-source = <b>Source document:</b> { $document }
card-page = <b>Page:</b> <a href="{ $url }">{ $shown }</a>
card-article = <b>Article:</b> { $article }
card-published = <b>Published:</b> { $date }
card-published-unknown = date not given
card-quote = <b>Quoted sentence:</b>
card-withdrawn = <i>No longer in the source document.</i>

## /search
search-usage = Usage: /search WORDS, for example /search port Aktau.
search-none = Nothing matches “{ $query }”.{ $note } Try fewer or shorter words.
search-found = <b>{ $total } found for “{ $query }”</b>{ $more }{ $note }
search-found-many = <b>More than { $total } found for “{ $query }”</b>{ $more }{ $note }
search-more = { " " }(first { $shown }; add words to narrow it down)
search-cut = { " " }<i>(only the first { $max } characters were used)</i>

## /follow, /unfollow
follow-prompt = What should this chat follow? Pick one, or send /follow ID, /follow TOPIC or /follow MINISTRY.
follow-everything-button = 🔔 Everything
follow-added = 🔔 This chat now follows { $what }.
follow-already = This chat already follows { $what }.
follow-mine-hint = /mine shows all it follows.
follow-next = Next reminder: { $day }, { $time }, for “{ $title }” (due { $due }) · /c { $id }
follow-next-none = No reminder is coming up yet for what this chat follows.
follow-expired = This button has expired; send /follow again.
follow-no-commitment = There is no commitment #{ $id }.
follow-nothing-called = Nothing called "{ $text }": not a commitment id, topic or responsible body.
follow-did-you-mean = Did you mean:
follow-try = Try /{ $command } all, /{ $command } 12 (an id from /list), a topic such as /{ $command } digital, or a ministry.
unfollow-nothing-yet = This chat follows nothing yet. /follow to start.
unfollow-prompt = Tap what this chat should stop following:
unfollow-stop-everything = ✖ Stop everything
unfollow-all-done = 🔕 Done: this chat follows nothing now and gets no reminders.
unfollow-all-none = This chat followed nothing.
unfollow-done = 🔕 No longer following { $what }.
unfollow-not-followed = This chat did not follow { $what }.
unfollow-expired = This button has expired; send /unfollow again.
unfollow-alert-all = This chat follows nothing now.
unfollow-alert-one = Unfollowed.
unfollow-alert-gone = Already gone.
unfollow-now-empty = This chat follows nothing now. /follow to start again.
follow-what-all = everything
follow-what-topic = topic “{ $topic }”
follow-what-body = “{ $body }”
follow-what-commitment = commitment #{ $id }
follow-item-all = everything
follow-item-topic = topic “{ $topic }”
follow-item-body = “{ $body }”
follow-item-commitment = commitment #{ $id }
topic-digital = digital & AI
topic-justice = justice & law
topic-environment = environment
topic-transport = transport & logistics
topic-economy = economy & trade
topic-social = social policy
topic-security = security & foreign affairs
topic-energy = energy
topic-health = health
topic-education = education

## /mine, /settings
mine-title = <b>This chat follows</b>
mine-nothing = nothing yet: /follow to start.
mine-footer = /settings to change them, /calendar for an .ics file.
settings-title = <b>Settings of this chat</b>
settings-time-zone = <b>Time zone:</b> { $zone }
settings-reminders = <b>Reminders:</b> { $offsets }, at { $hour }
settings-digest = <b>Weekly digest:</b> { $digest }
settings-quiet = <b>Quiet hours:</b> { $quiet }
settings-language = <b>Language:</b> { $language }
settings-new = <b>New commitments from live sources:</b> { $state }
settings-new-on = announced
settings-new-off = not announced
settings-error-new = Say /settings new on or /settings new off (announce new commitments from live sources).
settings-digest-off = off
settings-digest-at = { $day } at { $hour }
settings-quiet-none = none
offset-due-day = on the due day
offset-before = { $days } { $days ->
        [one] day
       *[other] days
    } before
offset-after = { $days } { $days ->
        [one] day
       *[other] days
    } after
offsets-none = none
settings-usage =
    Change with buttons, or:
    /settings tz Europe/Berlin
    /settings offsets 7,1,0,-1 <i>(days before; 0 = due day, -1 = a day after)</i>
    /settings hour 9 <i>(when reminders go out)</i>
    /settings digest mon 9 · /settings digest off
    /settings quiet 22-7 · /settings quiet off
    /settings new off <i>(no announcements of new commitments from live sources)</i>
    /language for the language
settings-unknown = Unknown setting “{ $name }”.
settings-saved = ✅ Saved.
settings-saved-alert = Saved: { $choice }
settings-expired = This button has expired; send /settings again.
settings-choice-digest-off = Digest off
settings-choice-digest-mon = Mon 09:00
settings-choice-digest-fri = Fri 17:00
settings-choice-quiet-none = No quiet hours
settings-choice-quiet-22 = Quiet 22–07
settings-choice-quiet-21 = Quiet 21–08
settings-error-zone = "{ $text }" is not a time zone; use an IANA name such as Asia/Almaty or Europe/Berlin.
settings-error-offsets = Offsets are whole days before the due date from { $min } to { $max }, at most { $count }, e.g. 7,1,0,-1 (0 = due day, -1 = a day overdue).
settings-error-offsets-not-number = "{ $text }" is not a number of days. { settings-error-offsets }
settings-error-offsets-range = { $text } is out of range. { settings-error-offsets }
settings-error-offsets-too-many = Too many offsets. { settings-error-offsets }
settings-error-digest = Digest: a weekday (mon..sun) and an hour 0-23, e.g. "mon 9", or "off".
settings-error-digest-weekday = "{ $text }" is not a weekday. { settings-error-digest }
settings-error-digest-hour = "{ $text }" is not an hour. { settings-error-digest }
settings-error-quiet = Quiet hours: "START-END" in whole local hours, e.g. 22-7, or "off".
settings-error-quiet-same = Start and end are the same hour. { settings-error-quiet }
settings-error-hour = Reminder hour: a whole hour 0-23, e.g. 9.

## /calendar
calendar-empty = This chat follows no dated open commitments yet, so the calendar would be empty. /follow all, then /calendar again.
calendar-caption = { $count } { $count ->
        [one] deadline
       *[other] deadlines
    } as all-day events. Open the file to add them to your calendar; importing it again updates them.
ics-calendar-name = Mindet commitments
ics-responsible = Responsible: { $who }
ics-as-written = Deadline as written: { $text }
ics-source = Source: { $source }

## Admin: /done, /missed, /postpone, /reopen, /ingest, /stats
admin-usage-done = Usage: /done ID [evidence URL] [note], e.g. /done 12 https://gov.kz/news/1 signed
admin-usage-missed = Usage: /missed ID [note]
admin-usage-postpone = Usage: /postpone ID DATE [note], e.g. /postpone 12 2026-06-30 or /postpone 12 30.06.2026
admin-usage-reopen = Usage: /reopen ID [note]
admin-changed-done = #{ $id } marked done ✅. Following chats will be told. /status { $id } shows the history.
admin-changed-missed = #{ $id } marked missed ❌. Following chats will be told. /status { $id } shows the history.
admin-changed-postponed = #{ $id } postponed 🕓 to { $date }. Following chats will be told. /status { $id } shows the history.
admin-changed-open = #{ $id } reopened. Following chats will be told. /status { $id } shows the history.
admin-error-not_found = There is no commitment #{ $id }.
admin-error-invalid_transition = #{ $id } cannot change to that status from its current one.
admin-error-invalid_date = That date is not valid; write it as 2026-06-30 or 30.06.2026.
admin-error-date_in_past = The new date is in the past.
admin-error-same_date = That is already its due date.
admin-error-invalid_url = The evidence link must start with http:// or https://.
admin-error-note_too_long = The note is too long.
admin-error-conflict = Commitment #{ $id } was just changed by someone else; try again.
ingest-how = Send /ingest as a reply to a text message or a .txt file (or attach a .txt with /ingest as its caption).
ingest-only-txt = Only .txt documents can be ingested.
ingest-too-big = That file is over the { $limit } KB limit.
ingest-no-file = Telegram did not hand over that file; try sending it again.
ingest-download-failed = I could not download that file; try again.
ingest-bad-document = This file cannot be read as text: { $reason }
ingest-failed = Extraction failed on this text; nothing was added.
ingest-timeout = Reading this text took longer than { $seconds } s, so it was stopped; nothing was added. Split it into smaller parts and try again.
ingest-none = I found no commitments in this text; nothing to add.
ingest-found = <b>Found { $count } { $count ->
        [one] commitment
       *[other] commitments
    }</b> (to be stored as { $file }):
ingest-more = …and { $count } more.
ingest-ask = Add them?
ingest-add = ✅ Add them
ingest-cancel = ✖ Cancel
ingest-expired = This preview has expired; send /ingest again.
ingest-cancelled-alert = Cancelled
ingest-cancelled = Cancelled: nothing was added.
ingest-added-alert = Added
ingest-stored = ✅ Stored as { $file }: { $detail }. /list shows them.
ingest-unchanged = already stored, nothing changed
ingest-counts = { $added } added, { $updated } updated
stats-title = <b>Mindet stats</b>
stats-commitments = Commitments: { $total } (open { $open }, overdue { $overdue }, postponed { $postponed }, done { $done }, missed { $missed }, cancelled { $cancelled }); undated { $undated }, withdrawn { $withdrawn }
stats-sources = Sources: { $sources }; status changes: { $changes }
stats-chats = Chats: { $chats } ({ $active } active); follows: { $follows }
stats-outbox = Reminder outbox: { $outbox }
stats-outbox-empty = empty

## Sent without an update: reminders, announcements, digests (src/reminders composes them)
fresh-heading = 🆕 <b>New commitments</b>
reminder-heading = ⏰ <b>Reminders</b>
reminder-line = • { $title } — { $when } · /c { $id }
reminder-due-today = { $due }, <b>due today</b>
reminder-when = { $due }, { $days }
announce-heading = <b>Status changes</b>
announce-done = ✅ Done
announce-missed = ❌ Missed
announce-cancelled = 🚫 Cancelled
announce-postponed = 📅 Postponed
announce-open = 🔄 Reopened
announce-new-date = 📅 New due date
announce-line = { $head }: { $title } · /c { $id }
announce-line-dated = { $head } to { $date }: { $title } · /c { $id }
announce-evidence = evidence
moved-heading = ⏩ <b>Deadlines moved</b>
moved-line = Deadline moved: { $from } → { $to } ({ $shift }), per { $source }: { $title } · /c { $id }
moved-line-dated = Deadline set: { $to }, per { $source }: { $title } · /c { $id }
moved-later = +{ $days } { $days ->
        [one] day
       *[other] days
    }
moved-earlier = −{ $days } { $days ->
        [one] day
       *[other] days
    }
question-title = ❓ <b>Same as #{ $candidate }?</b> The matcher is not sure (score { $score }).
question-new = <b>New #{ $id }</b>: { $title } — { $due }
question-old = <b>Known #{ $id }</b>: { $title } — { $due }
question-reasons = <i>Why: { $reasons }</i>
question-same = ✅ Same
question-different = ✖ Different
digest-title = 🗓 <b>Weekly digest</b>
digest-upcoming = <b>Due in the next { $days } { $days ->
        [one] day
       *[other] days
    }</b>
digest-overdue = <b>Became overdue</b>

## Admin: live sources (/sources, /addsource, /removesource, /poll)
sources-never = never
sources-none = No live sources yet. /addsource URL adds a feed or a news page; <code>mindet sources add --starter</code> adds the starter list.
sources-title = <b>Live sources</b> ({ $count })
sources-feed = <b>#{ $id }</b> { $url }
sources-feed-links = <b>#{ $id }</b> { $url } (links: { $links })
sources-feed-health = every { $every } min · last { $last } · next { $next } · { $items ->
        [one] { $items } item
       *[other] { $items } items
    }, { $commitments ->
        [one] { $commitments } commitment
       *[other] { $commitments } commitments
    }
sources-state-ok = ✅ { $status }{ $note }
sources-state-new = ⏳ not read yet
sources-state-error = ❌ { $failures ->
        [one] failed once
       *[other] failed { $failures } times in a row
    }: { $error }
sources-round = <b>Read { $polled ->
        [one] { $polled } source
       *[other] { $polled } sources
    }</b> in { $seconds } s: { $ok } ok, { $unchanged } unchanged, { $failed } failed; { $items ->
        [one] { $items } new item
       *[other] { $items } new items
    }, { $commitments ->
        [one] { $commitments } commitment
       *[other] { $commitments } commitments
    }.
sources-round-error = #{ $id }: { $error }
sources-add-usage =
    Usage: /addsource URL [--links PATTERN] [--every MINUTES]
    PATTERN picks the article links on a news page that has no feed: a regular expression, or css:SELECTOR.
sources-add-every = --every takes a whole number of minutes (at least 5).
sources-added = Added source #{ $id }: { $url }
    It is read within a minute; /sources shows how it went.
sources-exists = { $url } is already source #{ $id }.
sources-not-added = Not added: { $reason }
sources-remove-usage = Usage: /removesource ID (ids are in /sources)
sources-removed = Removed source #{ $id }. The commitments it brought stay.
sources-no-such = There is no source #{ $id }. /sources lists them.
sources-not-running = Live sources are not running in this process.
sources-failing = ⚠️ Source #{ $id } ({ $url }) has failed { $failures } times in a row: { $reason }
    Next try: { $next }. /sources lists every source; /removesource { $id } drops this one.

## Matching restatements: /merge, /split, /questions, and the card's reports (issue 9)
card-merges = <b>Merges:</b>
card-merges-latest = <b>Merges:</b> (latest { $shown } of { $total })
card-merge-in = • { $date }: #{ $id } merged in ({ $count } { $count ->
        [one] report
       *[other] reports
    }) by { $name }
card-merge-out = • { $date }: #{ $id } split off again by { $name }
card-merged-into = <i>Merged into #{ $id }: its reports, followers and reminders are there.</i>
card-open-merged = Open #{ $id }
card-mentions = <b>Reports ({ $total }), newest first:</b>
card-mention = • { $date } · { $document }: “{ $phrase }”
card-mention-no-phrase = no deadline given
card-mention-merged = (merged from #{ $id })
card-mention-withdrawn = (no longer in the source)
card-mentions-more = …and { $count } more { $count ->
        [one] report
       *[other] reports
    }
card-due-changes = <b>Date history:</b>
card-due-changes-latest = <b>Date history:</b> (latest { $shown } of { $total })
card-due-change-later = • { $from } → { $to } (+{ $days } { $days ->
        [one] day
       *[other] days
    }), per { $source }, stated { $stated }
card-due-change-earlier = • { $from } → { $to } (−{ $days } { $days ->
        [one] day
       *[other] days
    }), per { $source }, stated { $stated }
card-due-change-dated = • no date → { $to }, per { $source }, stated { $stated }
merge-usage = Usage: /merge ID OTHER_ID, e.g. /merge 12 15: the reports of #15 join #12, which keeps its id, status and history; chats following #15 follow #12. /split 15 undoes it.
merge-done = #{ $merged } merged into #{ $kept }: { $mentions } { $mentions ->
        [one] report
       *[other] reports
    }, { $followers } { $followers ->
        [one] follower
       *[other] followers
    } moved.
merge-due-moved = Due date of #{ $kept } now { $date } (was { $before }): the latest report's.
merge-undo-hint = /status { $kept } shows it; /split { $merged } undoes the merge.
merge-error-not_found = There is no commitment #{ $id }.
merge-error-same = A commitment cannot be merged into itself.
merge-error-kept_merged = #{ $id } was itself merged into #{ $into }; merge into #{ $into } instead.
merge-error-already_merged = #{ $id } is already merged into #{ $into }. /split { $id } first to merge it elsewhere.
merge-error-conflict = #{ $id } was just merged by someone else; /status { $id } shows where.
split-usage = Usage: /split ID undoes the merge of #ID; /split ID REPORT makes report REPORT of #ID a commitment of its own; /split ID alone on a commitment that was not merged lists what can be split off it.
split-done = #{ $id } split from #{ $kept } again: { $mentions } { $mentions ->
        [one] report
       *[other] reports
    } and { $followers } { $followers ->
        [one] follower
       *[other] followers
    } back.
split-mention-done = Report { $mention } of #{ $kept } is now commitment #{ $id }. /status { $id } shows it.
split-nothing = Nothing to split off #{ $id }: no commitment was merged into it and no report joined it by matching.
split-options-title = <b>What can be split off #{ $id }:</b>
split-option-merged = • #{ $merged } { $title }: { $mentions } { $mentions ->
        [one] report
       *[other] reports
    }, merged by { $by } { $date } → /split { $merged }
split-option-matched = • report { $mention }: { $source }, { $date }, “{ $phrase }” → /split { $id } { $mention }
split-error-not_found = There is no commitment #{ $id }.
split-error-not_merged = #{ $id } is not merged into another commitment.
split-error-no_mention = #{ $id } has no report { $other }. /split { $id } lists its reports that can be split off.
split-error-first_mention = That report is the one #{ $id } was created from; it cannot be split off.
split-error-came_with_merge = That report came with the merge of #{ $other }: /split { $other } undoes it.
split-error-conflict = #{ $id } was just changed by someone else; try again.
split-error-taken = That report's sentence is already commitment #{ $other }.
questions-none = No open questions: the matcher has nothing to ask.
questions-title = <b>Same commitment?</b> { $total } open { $total ->
        [one] question
       *[other] questions
    }, oldest first.
questions-more = The first { $shown } are below; answer them and send /questions again for the rest.
match-head = <b>Question { $id }:</b> is #{ $new } the same commitment as #{ $old }? (score { $score })
match-side-new = <b>New #{ $id }:</b> { $title }
match-side-old = <b>Stored #{ $id }:</b> { $title }
match-side-merged = <i>(since merged into #{ $id })</i>
match-side-detail = { $due } · { $body } · { $source }, { $date }
match-reasons = <i>Why asked:</i> { $reasons }
match-same = ✅ Same
match-different = ✖ Different
match-word-same = same
match-word-different = different
match-someone = an admin
match-alert-same = Merged #{ $new } into #{ $old }.
match-alert-different = Kept apart.
match-answered-same = ✅ { $name } answered Same: #{ $new } merged into #{ $old }. /split { $new } undoes it.
match-answered-different = ✖ { $name } answered Different: #{ $new } stays a commitment of its own.
match-already = Already answered by { $name }: { $answer }, { $date }.
match-gone = This question no longer exists.

# /scorecard (issue 9): per responsible body, how commitments were kept.
cmd-scorecard = How each body keeps its commitments
    .usage = scorecard [body|ID]
scorecard-title = <b>Scorecard</b>: how each responsible body keeps its commitments
scorecard-body-title = <b>{ $body }</b> · { $tracked } tracked
scorecard-outcomes = ✅ { $ontime } on time · ⏰ { $late } late · ❌ { $missed } missed · 🔴 { $overdue } overdue
scorecard-moved = ↪️ { $moved } moved, median { $slip }
scorecard-not-moved = ↪️ none moved
scorecard-slip-later = { $days } { $days ->
        [one] day
       *[other] days
    } later
scorecard-slip-earlier = { $days } { $days ->
        [one] day
       *[other] days
    } earlier
scorecard-all-bodies = All bodies
scorecard-no-body-named = no body named
scorecard-more-bodies = …and { $count } more { $count ->
        [one] body
       *[other] bodies
    }: /scorecard NAME shows one.
scorecard-definitions = <i>On time or late: done by the first date ever stated, or after it (Astana time). Overdue: open past the date in force. Moved: a later report or a postponement changed the date.</i>
scorecard-empty = No commitments tracked yet, so there is no scorecard.
scorecard-no-body = No responsible body is called "{ $text }".
scorecard-try = Try /scorecard alone for every body, /scorecard transport, or /scorecard 12 for one commitment's dates.
scorecard-no-commitment = There is no commitment #{ $id }. /list shows the ids.
scorecard-chart-caption = On time, late, missed and overdue, per responsible body.
scorecard-chart-failed = The chart could not be drawn this time; the numbers above are complete.
scorecard-chart-title = How responsible bodies keep their commitments
scorecard-chart-on-time = on time
scorecard-chart-late = late
scorecard-chart-missed = missed
scorecard-chart-overdue = overdue
scorecard-chart-tracked = { $count } tracked
scorecard-chart-empty = Nothing done, missed or overdue yet.
timeline-title = <b>#{ $id } { $title }</b>
timeline-body = Responsible: { $body }
timeline-merged = #{ $from } was merged into #{ $id }: its dates are here.
timeline-first = First stated on { $on }: due { $due }
timeline-first-unknown = First stated: due { $due }
timeline-step = { $on }: { $what }, due { $due }
timeline-in-force = <b>In force: { $due }</b> ({ $status })
timeline-slip = Moved { $slip } in all.
timeline-closed = Closed on { $on }: { $status }, { $verdict }.
timeline-verdict-on-time = on time
timeline-verdict-late = late
timeline-verdict-none = no date to judge it by
timeline-caption = #{ $id }: every date it was given, and today.
timeline-step-first = First stated
timeline-step-slip = Moved later
timeline-step-pull-in = Moved earlier
timeline-step-dated = Date given
timeline-step-postponed = Postponed
timeline-chart-in-force = In force
timeline-chart-today = today
