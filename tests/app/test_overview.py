"""The Overview page on the sample: tiles match the analysis, charts are drawn, filters change them."""

from analysis import charts
from analysis.filters import Filters, apply_filters

COUNTRY = "SE"


def expected_tiles(needs) -> dict[str, str]:
    """The tile values the page should show for these needs."""
    tiles = charts.headline(needs)
    return {
        "Responses": f"{tiles['responses']:,}",
        "Organisations": f"{tiles['organisations']:,}",
        "Countries": f"{tiles['countries']:,}",
        "Sectors": f"{tiles['sectors']:,}",
        "Stated budget": f"€{tiles['budget_eur'] / 1e6:,.1f} M",
    }


def test_the_app_opens_on_the_overview_of_the_sample(open_page, metrics, sample):
    app = open_page()
    assert app.title[0].value == "Overview"
    assert metrics(app) == expected_tiles(sample.needs)
    assert len(app.get("plotly_chart")) == 5
    assert "the bundled sample" in app.caption[0].value


def test_choosing_a_country_drops_the_tiles_to_that_countrys(open_page, metrics, sample):
    app = open_page()
    app.multiselect(key="country").set_value([COUNTRY]).run()
    swedish = apply_filters(sample.needs, Filters(countries=(COUNTRY,)))
    assert metrics(app) == expected_tiles(swedish)
    assert metrics(app)["Countries"] == "1"
    assert int(metrics(app)["Responses"].replace(",", "")) < len(sample.needs)


def test_a_bookmarked_address_opens_with_its_filters(open_page, metrics, sample):
    app = open_page(country=charts.country_name(COUNTRY) + f" ({COUNTRY})", within="12 months")
    assert app.multiselect(key="country").value == [COUNTRY]
    kept = apply_filters(sample.needs, Filters(countries=(COUNTRY,), horizon_months=12))
    assert metrics(app) == expected_tiles(kept)


def test_filters_survive_a_change_of_page(open_page, sample):
    app = open_page()
    app.multiselect(key="country").set_value([COUNTRY]).run()
    app.switch_page("pages/explore.py").run()
    app.switch_page("pages/overview.py").run()
    assert app.multiselect(key="country").value == [COUNTRY]
    swedish = apply_filters(sample.needs, Filters(countries=(COUNTRY,)))
    assert f"Showing {len(swedish):,} of {len(sample.needs):,} needs" in app.caption[0].value


def test_filters_that_leave_nothing_explain_what_to_do(open_page):
    app = open_page()
    app.text_input(key="q").input("no need says this zqxj").run()
    assert "No need matches these filters" in app.info[0].value
    assert not app.get("plotly_chart")
    app.button(key="clear_filters").click().run()
    assert len(app.get("plotly_chart")) == 5


def test_files_without_any_need_say_where_to_look(open_page):
    app = open_page("data")
    answers = "Organisation,Country,Type of organisation\nStadt Ulm,DE,Municipality\nRegion Skåne,SE,Region\n"
    app.file_uploader[0].set_value(("organisations.csv", answers.encode(), "text/csv")).run()
    app.switch_page("pages/overview.py").run()
    assert not app.exception
    assert "These files hold no need" in app.info[0].value
    assert not app.get("plotly_chart")
