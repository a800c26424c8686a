"""The Explore page: exactly the filtered rows, contacts masked, downloads offered with honest names."""

from analysis.filters import Filters, apply_filters

COUNTRY = "SE"


def test_explore_lists_every_filtered_row_with_contacts_masked(open_page, sample):
    app = open_page("explore")
    assert app.title[0].value == "Explore and download"
    table = app.dataframe[0].value
    assert len(table) == len(sample.needs)
    emails = set(sample.needs["contact_email"].dropna())
    assert emails and not emails & set(table["contact_email"].dropna())
    assert [button.label for button in app.download_button] == [
        f"Download {len(sample.needs):,} rows as CSV",
        f"Download {len(sample.needs):,} rows as Excel",
    ]


def test_a_filter_narrows_the_rows_and_the_downloads(open_page, sample):
    app = open_page("explore")
    app.multiselect(key="country").set_value([COUNTRY]).run()
    swedish = apply_filters(sample.needs, Filters(countries=(COUNTRY,)))
    table = app.dataframe[0].value
    assert len(table) == len(swedish)
    assert set(table["country"]) == {COUNTRY}
    assert app.download_button[0].label == f"Download {len(swedish):,} rows as CSV"


def test_contacts_stay_out_of_downloads_until_asked_for_and_off_the_screen_always(open_page, sample):
    app = open_page("explore")
    box = app.checkbox(key="include_contacts")
    assert box.label == "Include contact names, e-mails and phone numbers in downloads"
    assert box.value is False
    assert not app.warning
    box.check().run()
    assert app.warning  # says what the downloads now hold
    emails = set(sample.needs["contact_email"].dropna())
    assert not emails & set(app.dataframe[0].value["contact_email"].dropna())
