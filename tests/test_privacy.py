"""Personal data is found by header and by content, and masked so that no address or number survives."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.models import CANONICAL_FIELDS
from analysis.privacy import (
    CONTACTS_INCLUDED_NOTE,
    MASK,
    PERSONAL_DATA_NOTE,
    contact_columns,
    mask_contacts,
)


def one_column(header: str, values: list[object]) -> pd.DataFrame:
    """A table with one column under the given header."""
    return pd.DataFrame({header: pd.Series(values, dtype=object)})


def masked_column(values: list[object], header: str = "contact_email") -> list[object]:
    """The values of one column after masking."""
    return mask_contacts(one_column(header, values))[header].tolist()


@pytest.mark.parametrize(
    "header",
    [
        "E-post",  # sv, no
        "E-postadress",
        "Telefon",  # sv, de, pl, da
        "Kontaktperson",
        "Ansprechpartner",
        "E-Mail-Adresse",
        "Courriel",
        "Téléphone",
        "Nom",
        "Correo electrónico",
        "Teléfono",
        "Nombre y apellidos",
        "Cognome",
        "Nome e cognome",
        "Imię i nazwisko",
        "Adres e-mail",
        "Contactpersoon",
        "Telefoonnummer",
        "Puhelin",
        "Sähköposti",
        "Yhteyshenkilön nimi",
        "Fornavn",
        "Etternavn",
        "Endereço de e-mail",
        "First Name",
        "Last Name",
        "Your name",
        "User name",
        "RecipientEmail",
        "RecipientLastName",
        "IP Address",
        "IPAddress",
        "_submitted_by",
    ],
)
def test_contact_columns_are_found_by_header_in_the_survey_languages(header):
    frame = one_column(header, ["x", None])
    assert contact_columns(frame) == [header]


@pytest.mark.parametrize(
    "header",
    [
        "Organisation name",
        "Nom de l'organisation",
        "Nombre de la entidad",
        "Organisationens namn",
        "Name der Behörde",
        "Organisaation nimi",
        "Budget (EUR)",
        "Sector",
        "Describe your unmet needs",
        "Mobility",
    ],
)
def test_headers_of_organisations_and_answers_are_not_personal(header):
    frame = one_column(header, ["City of Malmö", "Zero-emission excavators"])
    assert contact_columns(frame) == []


@pytest.mark.parametrize(
    "values",
    [
        ["ana.ruiz@city.example", "bo@region.se", "info@kommun.se; it@kommun.se", None],
        ["+46 70 123 45 67", "0046 8 123 456 78", "070-123 45 67", ""],
        ["192.168.10.4", "2001:db8::1", "10.0.0.7"],
    ],
)
def test_contact_columns_are_found_by_content_whatever_the_header(values):
    frame = one_column("Q17", values)
    assert contact_columns(frame) == ["Q17"]


def test_columns_of_budgets_dates_and_times_are_not_taken_for_phones():
    frame = pd.DataFrame(
        {
            "Q1": ["250 000", "1 200 000", "500000"],
            "Q2": ["01.02.2024", "15.03.2024", "30.06.2025"],
            "Q3": ["09:30:00", "12:00:00", "17:45:10"],
        }
    )
    assert contact_columns(frame) == []


def test_a_long_question_about_names_counts_only_when_its_answers_look_like_names():
    question = "Please give the name of the person we may contact about this survey"
    names = one_column(question, ["Ana Ruiz", "Jan de Vries", "Åsa Öberg"])
    products = one_column(question, ["electric buses and charging", "recycled concrete", "n/a"])
    assert contact_columns(names) == [question]
    assert contact_columns(products) == []


def test_canonical_contact_fields_are_always_personal_and_other_canonical_fields_never():
    frame = pd.DataFrame({field: ["Ana Ruiz"] for field in CANONICAL_FIELDS})
    frame["source_file"] = ["ana@x.eu"]
    assert contact_columns(frame) == ["contact_name", "contact_email", "contact_phone"]


def test_email_keeps_its_first_letter_and_its_domain():
    assert masked_column(["ana.ruiz@city.example", "Bo Ek <bo.ek@region.se>, it@region.se"]) == [
        "a•••@city.example",
        "b•••@region.se; i•••@region.se",
    ]


def test_an_email_cell_without_an_address_is_fully_masked():
    assert masked_column(["ask Ana Ruiz at the front desk"]) == [MASK]


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("+46 70 123 45 67", "+46 ••• •• 67"),
        ("0046 70 123 45 67", "+46 ••• •• 67"),
        ("+358 40 1234567", "+358 ••• •• 67"),
        ("+1 415 555 0100", "+1 ••• •• 00"),
        ("+44 (0)20 7946 0958", "+44 ••• •• 58"),
        ("070-123 45 67", "••• •• 67"),
        ("22 33 44 55", "••• •• 55"),
        (4670123456.0, "••• •• 56"),
    ],
)
def test_phone_keeps_its_country_code_and_last_two_digits(phone, masked):
    assert masked_column([phone], "contact_phone") == [masked]


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Ana Ruiz", "A. R."),
        ("Åsa Öberg-Lind", "Å. Ö. L."),
        ("jean-luc picard", "J. L. P."),
        ("Ruiz, Ana", "R. A."),
    ],
)
def test_name_keeps_only_initials(name, masked):
    assert masked_column([name], "contact_name") == [masked]


def test_other_personal_columns_are_fully_masked():
    frame = pd.DataFrame({"IP Address": ["192.168.0.1", "10.0.0.2"], "User name": ["jdoe42", "ana"]})
    masked = mask_contacts(frame)
    assert masked["IP Address"].tolist() == [MASK, MASK]
    assert masked["User name"].tolist() == [MASK, MASK]


def test_empty_cells_stay_empty():
    frame = pd.DataFrame(
        {
            "contact_name": pd.Series(["", None, "Ana Ruiz"], dtype=object),
            "contact_email": pd.Series([None, "  ", "ana@x.eu"], dtype=object),
            "contact_phone": [np.nan, np.nan, 46701234567.0],
        }
    )
    masked = mask_contacts(frame)
    assert masked["contact_name"].tolist()[:2] == ["", None]
    assert masked["contact_email"].tolist()[:2] == [None, "  "]
    assert masked["contact_phone"].isna().tolist() == [True, True, False]


def test_emails_and_phones_inside_free_text_are_masked():
    frame = pd.DataFrame(
        {
            "need_text": pd.Series(["call me at +46 70 123 45 67 or ana@x.eu, or 070-765 43 21"], dtype=str),
            "Other comments": pd.Series(["Write to bo.ek@region.se (tel 0046 8 123 456 78)"], dtype=str),
        }
    )
    masked = mask_contacts(frame)
    assert masked["need_text"][0] == "call me at +46 ••• •• 67 or a•••@x.eu, or ••• •• 21"
    assert masked["Other comments"][0] == "Write to b•••@region.se (tel +46 ••• •• 78)"


def test_numbers_that_are_not_phones_stay_in_free_text():
    text = "Budget 1 200 000 EUR for 2024-2026, tender on 01.02.2025, 0.5 M€ per year, CPV 45000000-7"
    frame = pd.DataFrame({"need_text": pd.Series([text], dtype=str)})
    assert mask_contacts(frame)["need_text"][0] == text


def test_structured_fields_and_other_columns_are_left_as_they_were():
    frame = pd.DataFrame(
        {
            "respondent_id": ["0701234567", "R2"],
            "organisation": ["City of Malmö", "Region Skåne"],
            "sectors": [["ict", "energy"], []],
            "budget_eur": [1_200_000.0, np.nan],
            "contact_email": ["ana@x.eu", "bo@y.eu"],
        }
    )
    masked = mask_contacts(frame)
    pd.testing.assert_frame_equal(masked.drop(columns="contact_email"), frame.drop(columns="contact_email"))
    assert masked["contact_email"].tolist() == ["a•••@x.eu", "b•••@y.eu"]


def test_masking_does_not_change_its_input():
    frame = pd.DataFrame({"contact_email": ["ana@x.eu"], "need_text": ["mail ana@x.eu"]})
    before = frame.copy()
    mask_contacts(frame)
    pd.testing.assert_frame_equal(frame, before)


def test_columns_named_by_the_caller_are_masked_even_when_their_kind_is_unknown():
    frame = pd.DataFrame({"Notes": ["Lives near the harbour"], "Comments": ["Mail ana@x.eu"], "Q3": ["Yes"]})
    masked = mask_contacts(frame, columns=["Notes"])
    assert masked["Notes"].tolist() == [MASK]
    assert masked["Comments"].tolist() == ["Mail a•••@x.eu"]  # e-mails inside text are masked everywhere
    assert masked["Q3"].tolist() == ["Yes"]


def test_notes_say_what_masking_does_and_when_contacts_are_included():
    for example in ("a•••@city.example", "+46 ••• •• 67", "A. R.", MASK, "WITH-CONTACT-DATA"):
        assert example in PERSONAL_DATA_NOTE
    assert "includes contact details" in CONTACTS_INCLUDED_NOTE


label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
emails = st.builds(
    "{}@{}.{}".format,
    st.from_regex(r"[a-z0-9]([a-z0-9._+-]{0,12}[a-z0-9])?", fullmatch=True),
    label,
    st.sampled_from(["eu", "se", "de", "example", "co.uk"]),
)
phones = st.builds(
    "{}{} {}".format,
    st.sampled_from(["+", "00"]),
    st.sampled_from(["46", "49", "33", "358", "1", "351", "48"]),
    st.from_regex(r"[0-9]{3}( [0-9]{2,3}){2,3}", fullmatch=True),
) | st.from_regex(r"0[1-9][0-9]{1,2}-[0-9]{3} [0-9]{2} [0-9]{2}", fullmatch=True)
prose = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=30)


@settings(max_examples=60, deadline=None)
@given(before=prose, email=emails, middle=prose, phone=phones, after=prose)
def test_no_email_or_phone_survives_masking(before, email, middle, phone, after):
    text = f"{before} {email} {middle} {phone} {after}"
    frame = pd.DataFrame(
        {
            "need_text": pd.Series([text], dtype=str),
            "contact_email": pd.Series([text], dtype=str),
            "contact_phone": pd.Series([text], dtype=str),
        }
    )
    for cell in mask_contacts(frame).iloc[0]:
        assert email not in cell
        assert phone not in cell


def test_rows_with_repeated_index_labels_keep_their_own_values():
    frame = pd.DataFrame(
        {"contact_email": ["ana@x.eu", None, "bo@y.eu"], "need_text": ["mail ana@x.eu", "none", "x"]},
        index=[4, 4, 9],
    )
    masked = mask_contacts(frame)
    assert masked["contact_email"].tolist()[::2] == ["a•••@x.eu", "b•••@y.eu"]
    assert masked["need_text"].tolist() == ["mail a•••@x.eu", "none", "x"]
