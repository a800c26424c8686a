"""The parsers of what people write: budgets, countries, dates, horizons, roles, market answers, lists."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from analysis.normalise import (
    detect_language,
    is_undecided,
    map_unique,
    non_euro_currency,
    organisation_key,
    parse_budget,
    parse_budgets,
    parse_countries,
    parse_country,
    parse_date,
    parse_dates,
    parse_horizon_months,
    parse_horizons,
    parse_language,
    parse_market_solution,
    parse_role,
    split_multi,
    split_multi_series,
)

# ---------------------------------------------------------------------------------------------------
# Budgets

# Each example goes through pandas and the first builds lookup tables, so examples are few and untimed.
relaxed = settings(deadline=None, max_examples=40)

THOUSANDS_AND_DECIMAL = [
    (",", "."),
    (".", ","),
    (" ", ","),
    (" ", "."),
    ("\u00a0", ","),
    ("'", "."),
    ("", ","),
]
EURO_MARKS = ["{} EUR", "{} €", "EUR {}", "€{}", "€ {}", "{} euro", "{}€", "{}"]


def render_amount(amount: int, cents: int | None, thousands: str, decimal: str) -> str:
    """An amount as a locale writes it: '1.234.567,89', '1,234,567.89', '1 234 567', "1'234'567"."""
    digits = f"{amount:,}".replace(",", thousands)
    return digits if cents is None else f"{digits}{decimal}{cents:02d}"


@relaxed
@given(
    amount=st.integers(0, 2_000_000_000),
    cents=st.none() | st.integers(0, 99),
    separators=st.sampled_from(THOUSANDS_AND_DECIMAL),
    mark=st.sampled_from(EURO_MARKS),
)
def test_budget_written_with_any_locale_separators_reads_back(amount, cents, separators, mark):
    written = mark.format(render_amount(amount, cents, *separators))
    assume(not (mark == "{}" and cents is None and 1900 <= amount <= 2099))  # a bare year is not an amount
    assert parse_budget(written) == pytest.approx(amount + (cents or 0) / 100)


MULTIPLIED = [
    (1e3, "{}k"),
    (1e3, "{} k€"),
    (1e3, "{} tkr EUR"),  # 'tkr' is Swedish thousand kronor: see the currency test
    (1e3, "{} tsd. EUR"),
    (1e3, "{} tys. euro"),
    (1e6, "{} M€"),
    (1e6, "€{}m"),
    (1e6, "ca. {} Mio."),
    (1e6, "{} mln EUR"),
    (1e6, "{} miljoen euro"),
    (1e6, "{} milj. €"),
    (1e6, "EUR {} million"),
    (1e6, "{} MEUR"),
    (1e6, "{} millones de euros"),
    (1e9, "{} Mrd. €"),
]


@relaxed
@given(
    scaled=st.decimals(min_value=0, max_value=999, places=3, allow_nan=False),
    written=st.sampled_from([m for m in MULTIPLIED if "tkr" not in m[1]]),
    decimal=st.sampled_from([".", ","]),
)
def test_budget_with_multiplier_reads_back(scaled, written, decimal):
    factor, template = written
    number = format(scaled.normalize(), "f").replace(".", decimal)
    assert parse_budget(template.format(number)) == pytest.approx(float(scaled) * factor)


@relaxed
@given(
    low=st.integers(1, 500),
    width=st.integers(1, 500),
    unit=st.sampled_from([(1e3, "k€"), (1e6, "M€"), (1e6, " Mio. EUR"), (1, " EUR")]),
    dash=st.sampled_from(["-", " - ", "–", " to ", " bis "]),
)
def test_budget_range_reads_as_its_midpoint(low, width, unit, dash):
    factor, suffix = unit
    high = low + width
    assert parse_budget(f"{low}{dash}{high}{suffix}") == pytest.approx((low + high) / 2 * factor)


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("1,2 M€", 1_200_000),
        ("250 000 EUR", 250_000),
        ("€3.5m", 3_500_000),
        ("500k", 500_000),
        ("ca. 2 Mio.", 2_000_000),
        ("1.234.567,89", 1_234_567.89),
        ("1,234,567.89", 1_234_567.89),
        ("1-2 M€", 1_500_000),
        ("between 1 and 2 million", 1_500_000),
        ("de 1 a 2 millones", 1_500_000),
        ("500k - 1M", 750_000),
        ("2 M€ in 2024", 2_000_000),
        ("2 M€ (approx. 20 MSEK)", 2_000_000),
        ("€ 1.000,-", 1_000),
        ("1.5E+06", 1_500_000),
        ("0,250 M€", 250_000),
        ("2,3 Meuro", 2_300_000),
        ("860 mil euros", 860_000),
        ("260-520 mil euros", 390_000),
        ("2 mil millones de euros", 2_000_000_000),
        (1_500_000, 1_500_000),
        (2.5e6, 2_500_000),
    ],
)
def test_budget_examples(written, amount):
    assert parse_budget(written) == pytest.approx(amount)


@pytest.mark.parametrize(
    ("written", "currency"),
    [
        ("2 mln zł", "PLN"),
        ("3 miljoner kronor", "SEK"),
        ("500 tkr", "SEK"),
        ("10 MNOK", "NOK"),
        ("$2m", "USD"),
    ],
)
def test_budget_in_another_currency_is_not_guessed_but_named(written, currency):
    assert parse_budget(written) is None
    assert non_euro_currency(written) == currency


@pytest.mark.parametrize(
    "written",
    ["2025", "2024-2025", "lots", "50%", "-500", "1 M€ and 2 M€", "", None, True, float("nan")],
)
def test_budget_that_is_no_amount_is_none(written):
    assert parse_budget(written) is None
    assert non_euro_currency(written) is None


def test_budgets_column_matches_the_scalar_parser_and_is_float():
    written = pd.Series(["1,2 M€", None, "lots", 500, "1,2 M€", "2 mln zł"], dtype=object)
    parsed = parse_budgets(written)
    assert str(parsed.dtype) == "Float64"
    assert parsed.tolist() == [1_200_000, pd.NA, pd.NA, 500, 1_200_000, pd.NA]


def test_map_unique_parses_each_distinct_value_once():
    calls = []
    values = pd.Series(["a", "b", "a", None, "b", "a"] * 1000, dtype=object)
    result = map_unique(values, lambda v: calls.append(v) or v.upper(), "string")
    assert sorted(calls) == ["a", "b"]
    assert result.iloc[:4].tolist() == ["A", "B", "A", pd.NA]


# ---------------------------------------------------------------------------------------------------
# Countries: every EU/EEA country as people write it (written here, not taken from pycountry)

COUNTRY_NAMES = {
    "AT": (
        "AUT",
        "Austria",
        "Österreich",
        "Autriche",
        "Oostenrijk",
        "Itävalta",
        "Østrig",
        "Østerrike",
        "Áustria",
    ),
    "BE": ("BEL", "Belgium", "Belgien", "Belgique", "Bélgica", "Belgio", "Belgia", "België"),
    "BG": ("BGR", "Bulgaria", "Bulgarien", "Bulgarie", "Bułgaria", "Bulgarije", "Bulgária", "България"),
    "HR": ("HRV", "Croatia", "Kroatien", "Croatie", "Croacia", "Croazia", "Chorwacja", "Kroatië", "Hrvatska"),
    "CY": ("CYP", "Cyprus", "Zypern", "Chypre", "Chipre", "Cipro", "Cypr", "Kypros", "Cypern", "Κύπρος"),
    "CZ": (
        "CZE",
        "Czechia",
        "Czech Republic",
        "Tschechien",
        "Tchéquie",
        "Chequia",
        "Czechy",
        "Tsjechië",
        "Česko",
    ),
    "DK": (
        "DNK",
        "Denmark",
        "Dänemark",
        "Danemark",
        "Dinamarca",
        "Danimarca",
        "Dania",
        "Denemarken",
        "Tanska",
    ),
    "EE": ("EST", "Estonia", "Estland", "Estonie", "Eesti", "Viro", "Estónia"),
    "FI": ("FIN", "Finland", "Finnland", "Finlande", "Finlandia", "Suomi", "Finlândia"),
    "FR": ("FRA", "France", "Frankreich", "Francia", "Francja", "Frankrijk", "Ranska", "Frankrike", "França"),
    "DE": (
        "DEU",
        "Germany",
        "Deutschland",
        "Allemagne",
        "Alemania",
        "Germania",
        "Niemcy",
        "Duitsland",
        "Saksa",
    ),
    "GR": ("GRC", "EL", "Greece", "Griechenland", "Grèce", "Grecia", "Grecja", "Kreikka", "Hellas", "Ελλάδα"),
    "HU": ("HUN", "Hungary", "Ungarn", "Hongrie", "Hungría", "Ungheria", "Węgry", "Unkari", "Magyarország"),
    "IE": ("IRL", "Ireland", "Irland", "Irlande", "Irlanda", "Irlandia", "Ierland", "Irlanti", "Éire"),
    "IT": ("ITA", "Italy", "Italien", "Italie", "Italia", "Włochy", "Italië", "Itália"),
    "LV": ("LVA", "Latvia", "Lettland", "Lettonie", "Letonia", "Lettonia", "Łotwa", "Letland", "Latvija"),
    "LT": ("LTU", "Lithuania", "Litauen", "Lituanie", "Lituania", "Litwa", "Litouwen", "Liettua", "Lietuva"),
    "LU": ("LUX", "Luxembourg", "Luxemburg", "Luxemburgo", "Lussemburgo", "Luksemburg"),
    "MT": ("MLT", "Malta", "Malte"),
    "NL": (
        "NLD",
        "Netherlands",
        "The Netherlands",
        "Niederlande",
        "Pays-Bas",
        "Países Bajos",
        "Holland",
        "Nederland",
    ),
    "PL": ("POL", "Poland", "Polen", "Pologne", "Polonia", "Polska", "Puola", "Polónia"),
    "PT": ("PRT", "Portugal", "Portogallo", "Portugalia", "Portugali"),
    "RO": ("ROU", "Romania", "Rumänien", "Roumanie", "Rumanía", "Rumunia", "Roemenië", "România"),
    "SK": ("SVK", "Slovakia", "Slowakei", "Slovaquie", "Eslovaquia", "Słowacja", "Slowakije", "Slovensko"),
    "SI": ("SVN", "Slovenia", "Slowenien", "Slovénie", "Eslovenia", "Słowenia", "Slovenië", "Slovenija"),
    "ES": ("ESP", "Spain", "Spanien", "Espagne", "España", "Spagna", "Hiszpania", "Spanje", "Espanja"),
    "SE": (
        "SWE",
        "Sweden",
        "Schweden",
        "Suède",
        "Suecia",
        "Svezia",
        "Szwecja",
        "Zweden",
        "Ruotsi",
        "Sverige",
    ),
    "NO": (
        "NOR",
        "Norway",
        "Norwegen",
        "Norvège",
        "Noruega",
        "Norvegia",
        "Norwegia",
        "Noorwegen",
        "Norja",
        "Norge",
    ),
    "IS": ("ISL", "Iceland", "Island", "Islande", "Islandia", "Islanda", "IJsland", "Islanti", "Ísland"),
    "LI": ("LIE", "Liechtenstein"),
    "GB": (
        "GBR",
        "UK",
        "United Kingdom",
        "Vereinigtes Königreich",
        "Royaume-Uni",
        "Reino Unido",
        "Storbritannien",
    ),
    "CH": (
        "CHE",
        "Switzerland",
        "Schweiz",
        "Suisse",
        "Svizzera",
        "Suiza",
        "Szwajcaria",
        "Zwitserland",
        "Sveits",
    ),
}
WRITTEN_COUNTRIES = [(code, name) for code, names in COUNTRY_NAMES.items() for name in (code, *names)]
CASINGS = [str, str.upper, str.lower, str.title, lambda s: f"  {s} "]


@relaxed
@given(country=st.sampled_from(WRITTEN_COUNTRIES), casing=st.sampled_from(CASINGS))
def test_every_eu_and_eea_country_in_any_language_and_code_reads_as_its_alpha2(country, casing):
    code, written = country
    assert parse_country(casing(written)) == code


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Germnay", "DE"),
        ("Swedn", "SE"),
        ("Neterlands", "NL"),
        ("Sweden (SE)", "SE"),
        ("Stockholm, Sverige", "SE"),
    ],
)
def test_country_typos_and_code_next_to_name(written, code):
    assert parse_country(written) == code


@pytest.mark.parametrize(
    "written", ["Europe", "EU", "Other", "n/a", "", None, 46, "Nordic countries", "Sweden / Norway"]
)
def test_what_is_no_single_country_is_none(written):
    assert parse_country(written) is None


def test_countries_column_shows_greece_as_gr():
    assert parse_countries(pd.Series(["EL", "Ελλάδα", None, "GR"], dtype=object)).tolist() == [
        "GR",
        "GR",
        pd.NA,
        "GR",
    ]


# ---------------------------------------------------------------------------------------------------
# Dates

MONTH_NAMES = {
    "en": "January February March April May June July August September October November December",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada "
    "grudnia",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta "
    "lokakuuta marraskuuta joulukuuta",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "no": "januar februar mars april mai juni juli august september oktober november desember",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}
WORDED_FORMS = ["{d} {m} {y}", "{d}. {m} {y}", "{d} de {m} de {y}", "{m} {d}, {y}", "{d} {m} {y} {H}:{M}"]
moments = st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2035, 12, 31)).map(
    lambda moment: pd.Timestamp(moment).floor("s")
)


@relaxed
@given(
    moment=moments,
    fmt=st.sampled_from(["%d/%m/%Y %H:%M", "%d.%m.%Y %H:%M:%S", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"]),
)
def test_local_day_first_dates_read_back(moment, fmt):
    written = moment.strftime(fmt)
    assert parse_date(written) == dt.datetime.strptime(written, fmt)


@relaxed
@given(moment=moments, language=st.sampled_from(sorted(MONTH_NAMES)), form=st.sampled_from(WORDED_FORMS))
def test_dates_with_month_names_in_twelve_languages_read_back(moment, language, form):
    month = MONTH_NAMES[language].split()[moment.month - 1]
    written = form.format(
        d=moment.day, m=month, y=moment.year, H=f"{moment.hour:02d}", M=f"{moment.minute:02d}"
    )
    expected = moment.floor("min") if "{H}" in form else moment.normalize()
    assert parse_date(written) == expected


@relaxed
@given(moment=moments, offset_minutes=st.sampled_from([-300, 0, 60, 120, 330]))
def test_iso_dates_with_offsets_read_back_in_utc(moment, offset_minutes):
    local = moment.tz_localize(dt.timezone(dt.timedelta(minutes=offset_minutes)))
    assert parse_date(local.isoformat()) == moment - pd.Timedelta(minutes=offset_minutes)


@relaxed
@given(moment=moments)
def test_excel_serial_numbers_read_back(moment):
    serial = (moment - pd.Timestamp("1899-12-30")) / pd.Timedelta(days=1)
    assert parse_date(serial) == moment
    assert parse_date(moment.to_pydatetime()) == moment


@relaxed
@given(moments=st.lists(moments, min_size=1, max_size=20))
def test_a_us_column_with_12_hour_clock_is_read_month_first(moments):
    written = pd.Series([m.strftime("%m/%d/%Y %I:%M:%S %p") for m in moments], dtype=object)
    assert parse_dates(written).tolist() == moments


@relaxed
@given(moments=st.lists(moments, min_size=1, max_size=20))
def test_a_european_column_is_read_day_first(moments):
    written = pd.Series([m.strftime("%d/%m/%Y %H:%M") for m in moments], dtype=object)
    assert parse_dates(written).tolist() == [m.floor("min") for m in moments]


def test_column_evidence_decides_the_order_of_ambiguous_dates():
    month_first = pd.Series(["05/06/2023", "5/19/2023", None], dtype=object)
    day_first = pd.Series(["05/06/2023", "19/5/2023"], dtype=object)
    assert parse_dates(month_first).tolist()[:2] == [pd.Timestamp("2023-05-06"), pd.Timestamp("2023-05-19")]
    assert parse_dates(day_first).tolist() == [pd.Timestamp("2023-06-05"), pd.Timestamp("2023-05-19")]
    assert parse_date("05/06/2023", dayfirst=False) == pd.Timestamp("2023-05-06")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("19/05/2023 10:12", "2023-05-19 10:12"),
        ("5/19/2023 10:12:33 AM", "2023-05-19 10:12:33"),
        ("19.05.2023", "2023-05-19"),
        ("2023-05-19T10:12:33+02:00", "2023-05-19 08:12:33"),
        ("19 maj 2023", "2023-05-19"),
        ("3. März 2023", "2023-03-03"),
        ("2023/5/9", "2023-05-09"),
        ("20230519", "2023-05-19"),
        ("Mon, 19 May 2023 10:12:33 GMT", "2023-05-19 10:12:33"),
        ("45065", "2023-05-19"),
    ],
)
def test_date_examples(written, expected):
    assert parse_date(written) == pd.Timestamp(expected)


@pytest.mark.parametrize("written", ["garbage", "12:30", "May 2023", "32/13/2023", "", None, 12])
def test_what_is_no_date_is_none(written):
    assert parse_date(written) is None


# ---------------------------------------------------------------------------------------------------
# Procurement horizon

WITHIN_MONTHS = [
    "within {} months",
    "inom {} månader",
    "innerhalb von {} Monaten",
    "dans les {} mois",
    "en {} meses",
    "entro {} mesi",
    "w ciągu {} miesięcy",
    "binnen {} maanden",
    "{} kuukauden sisällä",
    "inden for {} måneder",
    "innen {} måneder",
    "dentro de {} meses",
    "{}",
]


@relaxed
@given(months=st.integers(0, 120), template=st.sampled_from(WITHIN_MONTHS))
def test_a_number_of_months_in_any_language_reads_back(months, template):
    assert parse_horizon_months(template.format(months)) == months


@relaxed
@given(low=st.integers(1, 48), width=st.integers(0, 48), unit=st.sampled_from([(1, "months"), (12, "years")]))
def test_a_range_of_months_or_years_reads_as_its_midpoint(low, width, unit):
    factor, name = unit
    assert parse_horizon_months(f"{low}-{low + width} {name}") == (low + low + width) / 2 * factor


@relaxed
@given(
    reference=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
    years_ahead=st.integers(-1, 5),
    quarter=st.integers(1, 4),
)
def test_years_and_quarters_count_from_the_answer_date_to_their_midpoint(reference, years_ahead, quarter):
    reference = pd.Timestamp(reference)
    year = reference.year + years_ahead

    def months_to_midpoint(start: pd.Timestamp, months: int) -> float:
        midpoint = start + (start + pd.DateOffset(months=months) - start) / 2
        return max(0.0, (midpoint - reference).total_seconds() / 86400 / 30.436875)

    quarter_start = pd.Timestamp(year, 3 * quarter - 2, 1)
    assert parse_horizon_months(str(year), reference) == pytest.approx(
        months_to_midpoint(pd.Timestamp(year, 1, 1), 12), abs=0.051
    )
    assert parse_horizon_months(f"Q{quarter} {year}", reference) == pytest.approx(
        months_to_midpoint(quarter_start, 3), abs=0.051
    )


@pytest.mark.parametrize(
    ("written", "months"),
    [
        ("within 6 months", 6),
        ("6-12 months", 9),
        ("1-2 years", 18),
        ("inom ett år", 12),
        ("in 2 Jahren", 24),
        ("dans les 12 mois", 12),
        ("zwei bis drei Jahre", 30),
        ("ett halvår", 6),
        ("w ciągu roku", 12),
        ("binnen een jaar", 12),
        ("entro un anno", 12),
        ("dentro de um ano", 12),
        ("inom 1,5 år", 18),
        ("asap", 0),
        ("so bald wie möglich", 0),
        ("jak najszybciej", 0),
        ("over 6 maanden", 6),
        (18, 18),
    ],
)
def test_horizon_examples(written, months):
    assert parse_horizon_months(written, pd.Timestamp("2025-03-01")) == months


@pytest.mark.parametrize(
    "written",
    ["3. Quartal 2026", "T3 2026", "3.º trimestre de 2026", "kvartal 3 2026", "3 kwartał 2026", "2026-Q3"],
)
def test_quarters_written_in_any_language_read_as_q3(written):
    reference = pd.Timestamp("2025-03-01")
    assert parse_horizon_months(written, reference) == parse_horizon_months("Q3 2026", reference) == 17.5


def test_calendar_answers_count_from_the_reference_date():
    reference = pd.Timestamp("2025-03-01")
    assert parse_horizon_months("next year", reference) == parse_horizon_months("2026", reference) == 16.0
    assert parse_horizon_months(2024, reference) == 0.0  # a year already past is now


@pytest.mark.parametrize(
    "written", ["more than 2 years", "over 2 years", "later", "not planned", "unknown", "", None, 2000.5]
)
def test_open_ended_or_timeless_horizons_are_none(written):
    assert parse_horizon_months(written) is None


def test_horizons_column_counts_from_each_rows_own_date():
    answers = pd.Series(["2026", "2026", "within 6 months", None], dtype=object)
    submitted = pd.Series(pd.to_datetime(["2025-07-02", "2026-07-02", None, "2025-01-01"]))
    assert parse_horizons(answers, submitted).tolist()[:3] == [12.0, 0.0, 6.0]


# ---------------------------------------------------------------------------------------------------
# Answers that say 'not known yet'

UNDECIDED_ANSWERS = [
    "Don't know yet",
    "Vet inte ännu",
    "Osäkert",
    "Weiß noch nicht",
    "Je ne sais pas encore",
    "À voir",
    "No lo sé",
    "Non noto",
    "Nie wiem",
    "Do ustalenia",
    "Nog niet bepaald",
    "En tiedä",
    "Ved ikke",
    "Vet ikke",
    "Não sei",
    "?",
    "-",
]


@pytest.mark.parametrize("written", UNDECIDED_ANSWERS)
def test_answers_saying_not_known_yet_are_recognised(written):
    assert is_undecided(written)
    assert parse_role(written) is None and parse_market_solution(written) is None


@pytest.mark.parametrize("written", ["Nej", "No", "Ja", "Lead", "2 M€", "", None])
def test_real_answers_are_not_taken_for_not_known(written):
    assert not is_undecided(written)


# ---------------------------------------------------------------------------------------------------
# Roles and market solutions in the twelve languages

ROLE_ANSWERS = {
    "en": ("I would like to lead the group", "We are an active buyer", "We want to follow and learn"),
    "sv": ("Vi vill leda gruppen", "Vill delta som köpare", "Vi vill följa arbetet"),
    "de": ("Ich möchte die Gruppe leiten", "Als Käufer teilnehmen", "Wir möchten folgen"),
    "fr": ("Nous souhaitons piloter le groupe", "Participer en tant qu'acheteur", "Je souhaite suivre"),
    "es": ("Quiero liderar", "Participar como comprador", "Queremos seguir el trabajo"),
    "it": ("Vorremmo coordinare il gruppo", "Vorrei partecipare come acquirente", "Vorrei seguire i lavori"),
    "pl": ("Chcę przewodniczyć", "Jako zamawiający", "Chcemy obserwować"),
    "nl": ("Wij willen de groep leiden", "Deelnemen als koper", "Ik wil volgen"),
    "fi": ("Haluan johtaa", "Osallistumme ostajana", "Haluamme seurata"),
    "da": ("Vi vil gerne lede gruppen", "Deltage som køber", "Jeg vil gerne følge"),
    "no": ("Jeg ønsker å lede", "Delta som kjøper", "Vi vil følge arbeidet"),
    "pt": ("Quero liderar", "Participar como comprador", "Queremos acompanhar"),
}


@pytest.mark.parametrize("language", sorted(ROLE_ANSWERS))
def test_roles_in_every_language(language):
    lead, buyer, follow = ROLE_ANSWERS[language]
    assert (parse_role(lead), parse_role(buyer), parse_role(follow)) == ("lead", "buyer", "follow")


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("Lead the group", "lead"),
        ("Chair/host", "lead"),
        ("Active buyer", "buyer"),
        ("Follower", "follow"),
        ("Observer", "follow"),
        ("Not lead, only follow", "follow"),
        ("I don't want to lead", None),
        ("Hospital", None),
        ("", None),
        (None, None),
    ],
)
def test_role_option_labels_and_negations(written, role):
    assert parse_role(written) == role


MARKET_ANSWERS = {
    "en": ("No", "Partly", "Yes", "Don't know"),
    "sv": ("Nej", "Delvis", "Ja", "Vet inte"),
    "de": ("Nein", "Teilweise", "Ja", "Weiß nicht"),
    "fr": ("Non", "Partiellement", "Oui", "Je ne sais pas"),
    "es": ("No", "Parcialmente", "Sí", "No sé"),
    "it": ("No", "Parzialmente", "Sì", "Non so"),
    "pl": ("Nie", "Częściowo", "Tak", "Nie wiem"),
    "nl": ("Nee", "Gedeeltelijk", "Ja", "Weet niet"),
    "fi": ("Ei", "Osittain", "Kyllä", "En tiedä"),
    "da": ("Nej", "Delvist", "Ja", "Ved ikke"),
    "no": ("Nei", "Delvis", "Ja", "Vet ikke"),
    "pt": ("Não", "Parcialmente", "Sim", "Não sei"),
}


@pytest.mark.parametrize("language", sorted(MARKET_ANSWERS))
def test_market_solution_answers_in_every_language(language):
    none, partial, available, unsure = MARKET_ANSWERS[language]
    read = [parse_market_solution(answer) for answer in (none, partial, available, unsure)]
    assert read == ["none", "partial", "available", None]


@pytest.mark.parametrize(
    ("written", "answer"),
    [
        ("Yes but too expensive", "partial"),
        ("Ja, men för dyrt", "partial"),
        ("Oui mais trop cher", "partial"),
        ("No suitable solution on the market", "none"),
        ("Yes, several suppliers", "available"),
    ],
)
def test_market_solution_qualified_answers(written, answer):
    assert parse_market_solution(written) == answer


# ---------------------------------------------------------------------------------------------------
# Multi-select cells

labels = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöéABC -()", min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool),
    min_size=1,
    max_size=8,
    unique=True,
)


@relaxed
@given(ticked=labels, joiner=st.sampled_from([";", "; ", " | ", "\n", ", ", ","]), trailing=st.booleans())
def test_multi_select_cells_split_back_into_their_labels(ticked, joiner, trailing):
    cell = joiner.join(ticked) + (";" if trailing and joiner.strip() == ";" else "")
    assert split_multi(cell) == ticked


words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@relaxed
@given(pairs=st.lists(st.tuples(words, words), min_size=1, max_size=6, unique_by=lambda p: p[0]))
def test_known_options_with_commas_survive_a_comma_joined_cell(pairs):
    options = [f"{first}, {second}" for first, second in pairs]
    assert split_multi(", ".join(options), options=options) == options


def test_multi_select_series_gives_a_list_per_row():
    split = split_multi_series(pd.Series(["Health;Food;", None, "Energy, Water"], dtype=object))
    assert split.tolist() == [["Health", "Food"], [], ["Energy", "Water"]]


# ---------------------------------------------------------------------------------------------------
# Languages and organisation names


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("EN", "en"),
        ("sv-SE", "sv"),
        ("pt_BR", "pt"),
        ("Svenska", "sv"),
        ("Deutsch", "de"),
        ("Français", "fr"),
        ("English (United Kingdom)", "en"),
        ("Norsk bokmål", "no"),
        ("nb", "no"),
        ("Suomi", "fi"),
        ("Polski", "pl"),
        ("Nederlands", "nl"),
        ("xx", None),
        (None, None),
    ],
)
def test_survey_language_answers(written, code):
    assert parse_language(written) == code


def test_language_of_free_text_is_detected_and_short_text_is_not():
    texts = pd.Series(
        [
            "Vi saknar fossilfria arbetsmaskiner för byggarbetsplatser",
            "Wir suchen emissionsfreie Baumaschinen für unsere Baustellen",
            "Nous cherchons des bennes à ordures électriques",
            "Trenger utslippsfrie anleggsmaskiner til byggeplassene våre",
            "Ja",
            None,
        ]
    )
    assert detect_language(texts).tolist() == ["sv", "de", "fr", "no", pd.NA, pd.NA]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Stockholms stad", "STOCKHOLMS STAD AB"),
        ("Region Skåne", "Region Skane"),
        ("Firma sp. z o.o.", "Firma"),
    ],
)
def test_organisation_spellings_share_a_key(first, second):
    assert organisation_key(first) == organisation_key(second) is not None


def test_different_organisations_keep_different_keys():
    assert organisation_key("Stockholms stad") != organisation_key("Göteborgs stad")


@pytest.mark.parametrize(
    ("text", "role"), [("Vi kan være tovholder", "lead"), ("Vi vil gerne følge med", "follow")]
)
def test_danish_coordinator_wording_reads_as_lead(text, role):
    assert parse_role(text) == role


def test_abbreviated_country_names_from_the_sample_read():
    assert parse_country("Czech Rep.") == "CZ"
