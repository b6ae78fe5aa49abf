"""English: every word the analysis knows of the language (see vocabulary.py for what each list is for)."""

# --- calendar ---------------------------------------------------------------------------------

MONTHS = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6, "July": 7,
    "August": 8, "September": 9, "October": 10, "November": 11, "December": 12,
}
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9,
    "Oct": 10, "Nov": 11, "Dec": 12,
}
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Friday": 4, "Saturday": 5, "Sunday": 6}
WEEKDAY_ABBREVIATIONS: dict[str, int] = {}
WEEKDAY_VARIANTS: dict[str, int] = {}
DATE_LINKS: tuple[str, ...] = ()
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# --- the date finder --------------------------------------------------------------------------

RELATIVE_DAYS = {
    "today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
    "the day before": -1, "the previous day": -1,
}
# "the day before the election" is not the day before publication.
GUARDED_RELATIVE_DAYS = ("the day before", "the previous day")
DATE_MODIFIERS = {
    "last": "last", "past": "last", "previous": "last", "next": "next", "coming": "next",
    "this": "this", "early": "", "late": "", "mid": "", "earlier": "", "later": "",
}
DATE_PREPOSITIONS = tuple(
    "in since until till through throughout during before after from between into within by".split()
)
WEAK_DATE_PREPOSITIONS = tuple("to of for and or around on as than".split())
FUTURE_MARKERS = (
    r"[Ww]ill", r"won't", r"'ll", r"shall", r"scheduled", r"slated", r"set\s+to", r"payable", r"of\s+record",
    r"expires?", r"expiring", r"effective", r"(?<!-)expect(?:s|ed)?\s+(?:to|in|on|by|around)", r"plans?\s+to",
    r"until", r"till", r"extended\s+to", r"(?:is|are)\s+to", r"upcoming",
)
PAST_MARKERS = (
    r"(?<!\bbe\s)(?<!\bbeen\s)[a-z]{2,}ed(?!\s+to\b)", r"was", r"were", r"had", r"did", r"met", r"began",
    r"came", r"went", r"took", r"held", r"made", r"won", r"lost", r"rose", r"fell", r"grew", r"became", r"left",
    r"sold", r"bought", r"paid", r"spent", r"gave", r"got", r"built", r"found", r"led", r"brought", r"sent",
    r"broke", r"ago",
)
HABITUAL_WORDS = ("each", "every")
AMOUNT_WORDS = tuple(
    "about some nearly almost over than approximately roughly least only just under below above".split()
)
YEAR_MODIFIERS = ("fiscal", "mid", "early", "late")
DAY_MODIFIERS = ("early", "late", "earlier", "later")
PERIOD_WORDS = ("end", "beginning", "middle", "start")
MORNING_WORDS: tuple[str, ...] = ()
TIMELESS_BEFORE = ("of",)
SPOKEN_YEAR_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
YEAR_PHRASES = {
    "year-ago": -1, "year-earlier": -1, "the current year": 0, "the current fiscal year": 0,
    "year end": 0, "year-end": 0, "year's end": 0, "the end of the year": 0, "the full year": 0,
    "earlier in the year": 0, "later in the year": 0,
}
GUARDED_YEAR_PHRASES = ("year end", "year-end", "year's end", "the end of the year")
YEAR_END_PREPOSITIONS = tuple("at by around before until till through since from to for in near toward".split())
WEEKDAY_ARTICLES: tuple[str, ...] = ()

# --- the claim scorer -------------------------------------------------------------------------

# The months AP style abbreviates; "Mar" also opens "Mar-a-Lago".
CLAIM_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
WEEKDAY_PLURALS = tuple(day.lower() + "s" for day in WEEKDAYS)
TIME_WORDS = ("yesterday", "tonight")
TIME_UNITS = tuple("day days week weeks month months year years decade decades century centuries".split())
TIME_UNIT_BEFORE = tuple("last next this past previous coming recent few".split())
TIME_UNIT_AFTER = ("ago",)
QUANTITY_WORDS = tuple(
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty"
    " ninety hundred hundreds thousand thousands million millions billion billions trillion"
    " trillions dozen dozens percent percentage half twice double doubled triple tripled"
    " quadrupled majority average rate".split()
)
COMPARISON_WORDS = tuple(
    "most least best worst record ever unprecedented only first increase increased increases"
    " increasing decrease decreased decreases decreasing rose risen rising fell fallen grew"
    " grown growing doubled tripled dropped decline declined declines soared surged plunged"
    " jumped higher lower compared".split()
)
COMPARISON_PHRASES = (
    "more than", "less than", "fewer than", "rather than", "in history", "as many", "as much", "all time",
)
COMPARISON_STEMS: tuple[str, ...] = ()
SUPERLATIVE_SUFFIXES: tuple[str, ...] = ()
NOT_SUPERLATIVES = tuple(
    "interest request protest forest honest suggest arrest invest contest digest priest manifest"
    " harvest modest conquest inquest behest unrest earnest southwest northwest midwest everest"
    " tempest ingest congest divest bequest".split()
)
OPINION_WORDS = tuple("will i'll we'll you'll they'll gonna let's please".split())
OPINION_PHRASES = (
    "i think", "i believe", "i feel", "i hope", "i want", "i wish", "i guess", "i mean", "i suppose", "i promise",
    "we should", "we must", "we need", "we want", "we have", "going to", "thank you", "believe me", "my opinion",
    "my view", "let me", "let us",
)
TOPIC_WORDS = tuple(
    "tax taxes job jobs economy economic unemployment wage wages income incomes debt deficit"
    " budget trade tariff tariffs crime crimes murder murders police border borders"
    " immigration immigrants illegal refugees health healthcare insurance medicare medicaid"
    " obamacare nuclear military troops war oil energy coal climate emissions bank banks"
    " isis terror terrorism terrorist terrorists gun guns price prices cost costs spending"
    " funding dollars gdp poverty workers manufacturing deal deals agreement treaty law laws"
    " bill legislation court vote votes voted voting election elections drugs cartels"
    " pension pensions housing inflation".split()
)
ACTION_WORDS = tuple(
    "voted supported opposed signed passed approved vetoed hired fired built created lost"
    " killed spent paid raised cut gave sent founded invaded banned won elected appointed"
    " endorsed funded launched imposed sold bought designated".split()
)
HEDGE_WORDS = tuple("maybe perhaps probably might could would should".split())
NOT_NAMES = tuple("i i'm i've i'd i'll ok okay mr mrs ms dr sir madam god".split())
CAPTION_OPENINGS = ("photo:", "image:", "credit:", "file photo", "(photo")
CAPTION_MARKERS = ("Closed subtitles", "Closed captions", "Photo by ")

# --- attribution ------------------------------------------------------------------------------

SPEECH_VERBS = tuple(
    "said says told tells added stated announced claimed claims argued insisted noted wrote"
    " tweeted explained warned declared asserted acknowledged admitted testified reported"
    " confirmed denied stressed maintained contended asked".split()
)
# Also nouns ("notes", "reports", "have a say"): attribution only next to a name.
SPEAKER_ONLY_SPEECH_VERBS = tuple(
    "say adds states announces argues insists notes writes tweets explains warns declares asserts"
    " acknowledges admits testifies reports confirms denies stresses maintains contends asks".split()
)
SOURCE_PHRASES = ("according to",)
SPEECH_AUXILIARIES: tuple[str, ...] = ()
SPEECH_PARTICIPLES: tuple[str, ...] = ()
SPEAKER_ONLY_PARTICIPLES: tuple[str, ...] = ()
BETWEEN_NAME_AND_VERB = (
    "also", "then", "later", "again", "has", "had", "have", "once", "previously", "reportedly", "recently",
    "further", "has also", "had also",
)
ORGANISATION_WORDS = tuple(
    "house council department ministry academy command journal times post news agency office court"
    " congress senate party committee commission bureau police army university institute association"
    " union government administration bank company corporation inc corp group foundation"
    " organization organisation nations service services network center centre".split()
)
NOT_SPEAKERS = tuple(
    "i he she we they it you this that these those there the a an but and or so then"
    " when while as if in on at after before also however yet still now here"
    " president mayor governor senator sen gov rep spokesman spokeswoman spokesperson"
    " minister secretary chairman chief officer official director mr mrs ms dr today yesterday"
    " officials authorities experts critics sources residents witnesses analysts researchers"
    " scientists studies reports others many some both all everyone nobody someone people".split()
)
DEFINITE_ARTICLES = ("the",)

# --- the language detector --------------------------------------------------------------------

FUNCTION_WORDS = tuple(
    "the and of to in is that for was on with he she it as said by at from has have are were be"
    " this an not but his her they will which who would been their had its or".split()
)
DISTINCTIVE_CHARACTERS: tuple[str, ...] = ()
