"""Date mentions: what is found, where exactly, and what it resolves to."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest

from factcheck.analysis.dates import DateMention, find_dates

SATURDAY = dt.date(2025, 5, 3)  # the seed article's publication date, a Saturday
SEED = Path(__file__).resolve().parents[1] / "seeds" / "ap-2025-05-03-sheinbaum-troops.txt"


def found(text: str, reference: dt.date | None = SATURDAY, language: str = "en") -> list[tuple[str, str | None, str]]:
    """(text, value, granularity) of every mention, after checking that the offsets are exact."""
    mentions = find_dates(text, reference, language)
    for mention in mentions:
        assert isinstance(mention, DateMention)
        assert text[mention.start : mention.end] == mention.text
        assert mention.granularity in ("day", "month", "year")
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions)), "mentions overlap"
    return [(m.text, m.value, m.granularity) for m in mentions]


def one(text: str, reference: dt.date | None = SATURDAY, language: str = "en") -> tuple[str, str | None, str]:
    mentions = found(text, reference, language)
    assert len(mentions) == 1, mentions
    return mentions[0]


# --- the seed article -----------------------------------------------------------------------------


def test_seed_article() -> None:
    body = SEED.read_text(encoding="utf-8").split("---", 2)[2]
    mentions = find_dates(body, SATURDAY, "en")
    for mention in mentions:
        assert body[mention.start : mention.end] == mention.text
    got = [(m.text, m.value, m.granularity) for m in mentions]
    assert got == [
        ("Saturday", "2025-05-03", "day"),
        ("the day before", "2025-05-02", "day"),
        ("last month", "2025-04", "month"),
        ("late Saturday", "2025-05-03", "day"),
        ("January", "2025-01", "month"),
        ("February 19", "2025-02-19", "day"),
        ("Saturday", "2025-05-03", "day"),
        ("April 2, 2025", "2025-04-02", "day"),
    ]
    # "in recent months" and "after months of" are not dates
    assert "months" not in " ".join(m.text for m in mentions)


def test_offsets_point_into_the_original_text() -> None:
    text = "Mexico City -\r\n\tShe spoke on\u00a0Saturday, and “on February 19” too."
    mentions = find_dates(text, SATURDAY)
    assert [(m.start, m.end, m.text) for m in mentions] == [
        (text.index("Saturday"), text.index("Saturday") + 8, "Saturday"),
        (text.index("February"), text.index("February") + 11, "February 19"),
    ]


# --- absolute dates -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened on April 2, 2025.", ("April 2, 2025", "2025-04-02", "day")),
        ("It happened on 2 April 2025.", ("2 April 2025", "2025-04-02", "day")),
        ("It happened on 2025-04-02.", ("2025-04-02", "2025-04-02", "day")),
        ("It happened on Sept. 30, 1999.", ("Sept. 30, 1999", "1999-09-30", "day")),
        ("It happened on the 2nd of April, 2025.", ("2nd of April, 2025", "2025-04-02", "day")),
        ("It happened in April 2025.", ("April 2025", "2025-04", "month")),
        ("It happened in March of 1996.", ("March of 1996", "1996-03", "month")),
        ("It happened in 2024.", ("2024", "2024", "year")),
        ("Sales in fiscal 1989 fell.", ("fiscal 1989", "1989", "year")),
        ("Prices peaked in mid-1996.", ("mid-1996", "1996", "year")),
        ("The 2024 election was close.", ("2024", "2024", "year")),
    ],
)
def test_absolute_dates_in_english(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected
    assert one(text, reference=None) == expected  # no reference needed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ocurrió el 2 de abril de 2025.", ("2 de abril de 2025", "2025-04-02", "day")),
        ("Ocurrió el 2 de abril del 2025.", ("2 de abril del 2025", "2025-04-02", "day")),
        ("Ocurrió en abril de 2025.", ("abril de 2025", "2025-04", "month")),
        ("Ocurrió en 2024.", ("2024", "2024", "year")),
        ("Ocurrió el jueves 1 de mayo de 2025.", ("jueves 1 de mayo de 2025", "2025-05-01", "day")),
    ],
)
def test_absolute_dates_in_spanish(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text, language="es") == expected
    assert one(text, reference=None, language="es") == expected


def test_numeric_dates_follow_the_language_convention() -> None:
    assert one("Filed 4/2/2025.") == ("4/2/2025", "2025-04-02", "day")
    assert one("Presentado el 4/2/2025.", language="es") == ("4/2/2025", "2025-02-04", "day")
    assert one("Filed 13/2/2025.") == ("13/2/2025", "2025-02-13", "day")


def test_impossible_dates_are_not_dates() -> None:
    assert found("on February 30") == []
    assert found("on 2025-02-30") == []


# --- dates without a year ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met on February 19.", ("February 19", "2025-02-19", "day")),
        ("They met on May 3.", ("May 3", "2025-05-03", "day")),  # the reference day itself
        ("They met on December 25.", ("December 25", "2024-12-25", "day")),  # never after it
        ("They met on February 29.", ("February 29", "2024-02-29", "day")),  # the last leap year
        ("They met on Sept. 30.", ("Sept. 30", "2024-09-30", "day")),
        ("They met in January.", ("January", "2025-01", "month")),
        ("They met in May.", ("May", "2025-05", "month")),
        ("They met in June.", ("June", "2024-06", "month")),
        ("They met in mid-November.", ("mid-November", "2024-11", "month")),
        ("They met last April.", ("last April", "2025-04", "month")),
        ("They meet next January.", ("next January", "2026-01", "month")),
        ("They met in January this year.", ("January this year", "2025-01", "month")),
        ("They met in June last year.", ("June last year", "2024-06", "month")),
    ],
)
def test_year_less_dates_are_the_latest_not_after_the_reference(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Se reunieron el 19 de febrero.", ("19 de febrero", "2025-02-19", "day")),
        ("Se reunieron el 1º de mayo.", ("1º de mayo", "2025-05-01", "day")),
        ("Se reunieron el primero de mayo.", ("primero de mayo", "2025-05-01", "day")),
        ("Se reunieron en enero.", ("enero", "2025-01", "month")),
        ("Se reunieron a finales de febrero.", ("febrero", "2025-02", "month")),
        ("Se reunieron en marzo pasado.", ("marzo pasado", "2025-03", "month")),
        ("Se reunieron el pasado mes de marzo.", ("el pasado mes de marzo", "2025-03", "month")),
    ],
)
def test_year_less_dates_in_spanish(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text, language="es") == expected


def test_a_sentence_about_the_future_points_forward() -> None:
    assert one("The dividend is payable Dec. 15.") == ("Dec. 15", "2025-12-15", "day")
    assert one("He will meet Trump on Monday.") == ("Monday", "2025-05-05", "day")
    assert one("The deal is expected to close in June.") == ("June", "2025-06", "month")
    assert one("Se reunirá con Trump el lunes.", language="es") == ("lunes", "2025-05-05", "day")
    # a cue in an earlier sentence does not carry over
    assert one("He will go. He met Trump on Monday.") == ("Monday", "2025-04-28", "day")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 17 days ahead against 348 back: the coming one, though nothing says "will"
        ("The record date is May 20.", ("May 20", "2025-05-20", "day")),
        ("The plant opens in June.", ("June", "2025-06", "month")),
        ("Talks are supposed to end by June.", ("June", "2025-06", "month")),  # "supposed to" is no past
        ("The company said the deal closes on May 20.", ("May 20", "2025-05-20", "day")),  # nor a speech verb
        # the participle before the comma belongs to another clause
        ("It sold preferred shares, to be completed around May 20.", ("May 20", "2025-05-20", "day")),
        # four months ahead is not near enough against eight back
        ("September: sales up 5%.", ("September", "2024-09", "month")),
        # a verb in the past keeps the past one
        ("They met on May 20.", ("May 20", "2024-05-20", "day")),
        ("Prices rose in June.", ("June", "2024-06", "month")),
    ],
)
def test_a_year_less_date_just_ahead_is_the_coming_one(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


def test_a_year_less_date_just_ahead_in_spanish() -> None:
    assert one("La asamblea es el 20 de mayo.", language="es") == ("20 de mayo", "2025-05-20", "day")
    assert one("Se reunieron el 20 de mayo.", language="es") == ("20 de mayo", "2024-05-20", "day")


def test_an_initial_does_not_end_the_sentence_that_speaks_of_the_future() -> None:
    # Feb. 1 is 91 days back and 274 ahead: only "will" makes it the coming one
    assert one("Smith will succeed John P. Jones on Feb. 1.") == ("Feb. 1", "2026-02-01", "day")
    assert one("He will go. Jones met him on Feb. 1.") == ("Feb. 1", "2025-02-01", "day")


def test_a_weekday_with_the_date_picks_the_year() -> None:
    assert one("The editorial ran on Saturday, April 25.", dt.date(1998, 4, 24)) == (
        "Saturday, April 25",
        "1998-04-25",
        "day",
    )


# --- years read aloud and years named by a phrase ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In nineteen ninety-six the plant closed.", ("nineteen ninety-six", "1996", "year")),
        ("It opened in nineteen oh five.", ("nineteen oh five", "1905", "year")),
        ("It was built in eighteen hundred.", ("eighteen hundred", "1800", "year")),
        ("The approach of the year two thousand worried them.", ("two thousand", "2000", "year")),
        ("In two thousand and eight it fell.", ("two thousand and eight", "2008", "year")),
        ("Twenty twenty-four was warm.", ("Twenty twenty-four", "2024", "year")),
        ("January nineteen ninety-seven. Atlanta again.", ("January nineteen ninety-seven", "1997-01", "month")),
    ],
)
def test_spoken_years(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected
    assert one(text, reference=None) == expected  # a year needs no reference


@pytest.mark.parametrize(
    "text",
    [
        "Nineteen ninety-six people came.",
        "Two thousand troops left.",
        "About two thousand came.",
        "In two thousand five hundred cases it failed.",
        "Twenty-five people and nineteen twenty-year-olds came.",
    ],
)
def test_spoken_numbers_that_are_not_years(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It compared with year-earlier net income of $5 million.", ("year-earlier", "2024", "year")),
        ("Profit fell from the year-ago quarter.", ("year-ago", "2024", "year")),
        ("Sales in the current fiscal year rose.", ("the current fiscal year", "2025", "year")),
        ("Sales for the full year were $6 billion.", ("the full year", "2025", "year")),
        ("It was delayed earlier in the year.", ("earlier in the year", "2025", "year")),
        ("The deal closes by year end.", ("year end", "2025", "year")),
        ("It should be in place by year's end.", ("year's end", "2025", "year")),
        ("They aim to cut $5 million by the end of the year.", ("the end of the year", "2025", "year")),
        ("Sales for the full year 2024 rose.", ("2024", "2024", "year")),  # the year itself says which
    ],
)
def test_years_named_by_a_phrase(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected
    assert one(text, reference=None) == (expected[0], None if expected[0] != "2024" else "2024", "year")


def test_a_year_end_is_a_date_only_after_a_preposition() -> None:
    assert found("It was lower when year-end profit was counted.") == []


def test_years_named_by_a_phrase_in_spanish() -> None:
    assert one("Cerrará a finales de año.", language="es") == ("finales de año", "2025", "year")
    assert one("Las ventas del año en curso subieron.", language="es") == ("año en curso", "2025", "year")


def test_tomorrow_in_general_is_no_date() -> None:
    assert found("They are the leaders of tomorrow.") == []
    assert one("The rule is effective as of tomorrow.") == ("tomorrow", "2025-05-04", "day")


# --- weekdays -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said on Saturday that", ("Saturday", "2025-05-03", "day")),  # on or before: the day itself
        ("She said late Saturday that", ("late Saturday", "2025-05-03", "day")),
        ("She said on Friday that", ("Friday", "2025-05-02", "day")),
        ("She said on Sunday that", ("Sunday", "2025-04-27", "day")),
        ("She said Sunday's vote", ("Sunday", "2025-04-27", "day")),
        ("She said last Saturday that", ("last Saturday", "2025-04-26", "day")),
        ("She goes there next Monday.", ("next Monday", "2025-05-05", "day")),
        ("She goes there this Friday.", ("this Friday", "2025-05-02", "day")),
    ],
)
def test_weekdays(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dijo el sábado que", ("sábado", "2025-05-03", "day")),
        ("Dijo el viernes que", ("viernes", "2025-05-02", "day")),
        ("Dijo la noche del domingo que", ("domingo", "2025-04-27", "day")),
        ("Dijo el pasado sábado que", ("pasado sábado", "2025-04-26", "day")),
        ("Dijo el sábado pasado que", ("sábado pasado", "2025-04-26", "day")),
        ("Irá el próximo lunes.", ("próximo lunes", "2025-05-05", "day")),
        ("Dijo este lunes que", ("este lunes", "2025-04-28", "day")),
    ],
)
def test_weekdays_in_spanish(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text, language="es") == expected


# --- relative expressions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened today.", ("today", "2025-05-03", "day")),
        ("It happened yesterday.", ("yesterday", "2025-05-02", "day")),
        ("It happened late yesterday.", ("late yesterday", "2025-05-02", "day")),
        ("It happens tomorrow.", ("tomorrow", "2025-05-04", "day")),
        ("It was published the day before, describing", ("the day before", "2025-05-02", "day")),
        ("It happened the day before yesterday.", ("the day before yesterday", "2025-05-01", "day")),
        ("It happened two days ago.", ("two days ago", "2025-05-01", "day")),
        ("It happened three weeks ago.", ("three weeks ago", "2025-04-12", "day")),
        ("It happened last month.", ("last month", "2025-04", "month")),
        ("It happened earlier this month.", ("earlier this month", "2025-05", "month")),
        ("It happens next month.", ("next month", "2025-06", "month")),
        ("It happened five months ago.", ("five months ago", "2024-12", "month")),
        ("It happened last year.", ("last year", "2024", "year")),
        ("It happened this year.", ("this year", "2025", "year")),
        ("It happened a year ago.", ("a year ago", "2024", "year")),
        ("Profit rose from a year earlier.", ("a year earlier", "2024", "year")),
    ],
)
def test_relative_expressions(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ocurrió hoy.", ("hoy", "2025-05-03", "day")),
        ("Ocurrió ayer.", ("ayer", "2025-05-02", "day")),
        ("Ocurrió anteayer.", ("anteayer", "2025-05-01", "day")),
        ("Llega mañana.", ("mañana", "2025-05-04", "day")),
        ("Llega pasado mañana.", ("pasado mañana", "2025-05-05", "day")),
        ("Ocurrió el día anterior.", ("el día anterior", "2025-05-02", "day")),
        ("Ocurrió hace dos días.", ("hace dos días", "2025-05-01", "day")),
        ("Ocurrió hace un mes.", ("hace un mes", "2025-04", "month")),
        ("Ocurrió hace tres años.", ("hace tres años", "2022", "year")),
        ("Ocurrió el mes pasado.", ("el mes pasado", "2025-04", "month")),
        ("Ocurre el mes que viene.", ("el mes que viene", "2025-06", "month")),
        ("Ocurrió el año pasado.", ("el año pasado", "2024", "year")),
        ("Ocurre este año.", ("este año", "2025", "year")),
        ("Ocurre el próximo año.", ("el próximo año", "2026", "year")),
    ],
)
def test_relative_expressions_in_spanish(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text, language="es") == expected


def test_weeks_are_not_reported() -> None:
    # neither a day, a month nor a year: see the module notes
    assert found("It happened last week.") == []
    assert found("Ocurrió la semana pasada.", language="es") == []


# --- without a reference ------------------------------------------------------------------------


def test_without_reference_only_absolute_dates_get_a_value() -> None:
    text = (
        "On Saturday, she recalled April 2, 2025, the talks in 2024, the call last month, "
        "the order in January, the decree of February 19 and what happened yesterday."
    )
    assert found(text, reference=None) == [
        ("Saturday", None, "day"),
        ("April 2, 2025", "2025-04-02", "day"),
        ("2024", "2024", "year"),
        ("last month", None, "month"),
        ("January", None, "month"),
        ("February 19", None, "day"),
        ("yesterday", None, "day"),
    ]


def test_without_reference_in_spanish() -> None:
    text = "El sábado recordó el 2 de abril de 2025, lo ocurrido en enero, el 19 de febrero y ayer."
    assert found(text, reference=None, language="es") == [
        ("sábado", None, "day"),
        ("2 de abril de 2025", "2025-04-02", "day"),
        ("enero", None, "month"),
        ("19 de febrero", None, "day"),
        ("ayer", None, "day"),
    ]


def test_a_datetime_reference_is_read_as_its_date() -> None:
    assert one("It happened yesterday.", dt.datetime(2025, 5, 3, 23, 59)) == ("yesterday", "2025-05-02", "day")


def test_an_unknown_language_is_read_as_english() -> None:
    assert one("It happened on February 19.", language="fr") == ("February 19", "2025-02-19", "day")


# --- not dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Troops gathered in recent months.",
        "After months of talks.",
        "The meeting starts at 10 a.m. and ends at 12:30.",
        "The U.S. sent 2,000 troops.",
        "The U.S. sent 2000 troops.",
        "The ticket costs $2025.",
        "About 1500 people came.",
        "The 1990s were different.",
        "She may go.",
        "May I ask a question?",
        "Theresa May said so.",
        "April Ryan asked a question.",
        "Jan Smith answered.",
        "Orangemen march each July.",
        "The shop opens every Monday.",
        "He read the Sunday Times.",
        "USA Today reported it.",
        "Revenue grew in the last year.",
        "He left the day before the election.",
        "The reading rose to 4.2025 points.",
    ],
)
def test_not_dates_in_english(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Llegó por la mañana.",
        "Llegó esta mañana.",
        "La mañana del sábado fue fría.",
        "Abre los lunes.",
        "Marcharon a la Plaza de Mayo.",
        "Enviaron 2000 soldados.",
        "Más de 2000 personas.",
        "Hace frío desde hace meses.",
    ],
)
def test_not_dates_in_spanish(text: str) -> None:
    mentions = found(text, language="es")
    if text.startswith("La mañana del sábado"):
        assert mentions == [("sábado", "2025-05-03", "day")]  # the Saturday, not "tomorrow"
    else:
        assert mentions == []


def test_empty_text() -> None:
    assert find_dates("", SATURDAY) == []
    assert find_dates("", None, "es") == []
