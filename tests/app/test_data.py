"""The Data page: what was read, the mapping editor, set-aside rows, and uploads of real workbooks."""

from analysis.pipeline import analyse, sample_files
from ui.text import plain

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_data_page_summarises_the_sample(open_page, metrics, sample):
    app = open_page("data")
    assert app.title[0].value == "Data"
    shown = metrics(app)
    assert shown["Rows read"] == f"{sample.load.rows_read:,}"
    assert shown["Rows kept"] == f"{len(sample.load.frame):,}"
    assert shown["Rows set aside"] == f"{len(sample.load.set_aside):,}"
    assert shown["Organisations"] == f"{sample.load.frame['organisation'].nunique():,}"
    read = app.dataframe[1].value
    assert read["Layout recognised"].tolist() == [table.layout for table in sample.load.tables]
    editor = app.data_editor[0].value
    assert len(editor) == 15 and editor["column"].notna().all()
    assert "bundled sample" in app.info[0].value


def test_set_aside_rows_are_listed_with_their_reason_and_contacts_masked(open_page, sample):
    app = open_page("data")
    aside = app.dataframe[-1].value
    assert len(aside) == len(sample.load.set_aside)
    assert aside["reason"].notna().all()
    emails = set(sample.load.set_aside.get("contact_email", []))
    assert not emails & set(aside.astype(str).to_numpy().ravel())


def test_uploading_a_workbook_analyses_it_instead_of_the_sample(open_page, metrics):
    name, data = sample_files()[0]
    expected = analyse([(name, data)])
    app = open_page("data")
    app.file_uploader[0].set_value(("my-export.xlsx", data, XLSX)).run()
    assert not app.exception
    assert app.success[0].value == f"Analysing your files: {plain('my-export.xlsx')}."
    assert metrics(app)["Rows kept"] == f"{len(expected.load.frame):,}"
    app.switch_page("pages/overview.py").run()
    assert metrics(app)["Responses"] == f"{len(expected.needs):,}"
    assert plain("my-export.xlsx") in app.caption[0].value


def test_a_file_that_cannot_be_read_is_explained_not_a_traceback(open_page):
    app = open_page("data")
    app.file_uploader[0].set_value(("damaged.xlsx", b"PK\x03\x04 cut off in the middle", XLSX)).run()
    assert not app.exception
    assert app.error[0].value.startswith(plain("damaged.xlsx: "))
    app.button(key="back_to_sample").click().run()
    assert "bundled sample" in app.info[0].value


def test_choosing_no_column_for_a_field_changes_the_analysis(open_page, metrics):
    app = open_page("data")
    editor_key = app.data_editor[0].key
    fields = app.data_editor[0].value["field"].tolist()
    app.session_state[editor_key] = {
        "edited_rows": {fields.index("country"): {"column": "(no column)"}},
        "added_rows": [],
        "deleted_rows": [],
    }
    app.button(key="apply_mapping").click().run()
    assert not app.exception
    assert metrics(app)["Countries"] == "0"
    app.button(key="undo_mapping").click().run()
    assert metrics(app)["Countries"] != "0"
