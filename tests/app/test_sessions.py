"""Two people using the dashboard at once never see each other's data, filters or results."""

from analysis.pipeline import analyse, sample_files
from ui.text import plain

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_two_sessions_with_different_uploads_stay_apart(open_page, metrics, sample):
    name, data = next((n, d) for n, d in sample_files() if "eusurvey_de" in n)
    mine = analyse([(name, data)])
    alice, bob = open_page("data"), open_page("data")
    alice.file_uploader[0].set_value(("alice-export.xlsx", data, XLSX)).run()
    alice.switch_page("pages/overview.py").run()
    bob.switch_page("pages/overview.py").run()
    assert metrics(alice)["Responses"] == f"{len(mine.needs):,}"
    assert metrics(bob)["Responses"] == f"{len(sample.needs):,}"
    assert plain("alice-export.xlsx") in alice.caption[0].value
    assert plain("alice-export.xlsx") not in " ".join(caption.value for caption in bob.caption)

    country = sorted(mine.needs["country"].dropna().unique())[0]
    alice.multiselect(key="country").set_value([country]).run()
    bob.run()
    assert bob.multiselect(key="country").value == []
    assert bob.query_params.get("country") in (None, [], "")
    assert metrics(bob)["Responses"] == f"{len(sample.needs):,}"
    bob_orgs = set(sample.load.frame["organisation"]) - set(mine.load.frame["organisation"])
    alice.switch_page("pages/explore.py").run()
    shown = {cell for frame in alice.dataframe for cell in frame.value.astype(str).to_numpy().ravel()}
    assert shown and not bob_orgs & shown
