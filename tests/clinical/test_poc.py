"""Each point-of-care test's read window and flags at their boundaries, row by row with the
source the numbers come from."""

from __future__ import annotations

import pytest

from game.clinical.lab import LAB_TESTS, TUBES, tubes_for
from game.clinical.poc import POC_TESTS, abnormal_pads, is_abnormal, provider_now, timing

# (test, seconds after the start, expected, source)
WINDOWS = [
    ("POC_UA", 29, "early", "Multistix 10 SG insert: first pads at 30 s"),
    ("POC_UA", 30, "on_time", "Multistix 10 SG insert: glucose, bilirubin at 30 s"),
    ("POC_UA", 120, "on_time", "Multistix 10 SG insert: leukocytes at 2 min"),
    ("POC_UA", 121, "late", "Multistix 10 SG insert: no diagnostic value after 2 min"),
    ("POC_STREP", 299, "early", "strep A cassette insert: read at 5 minutes"),
    ("POC_STREP", 300, "on_time", "strep A cassette insert: read at 5 minutes"),
    ("POC_STREP", 600, "on_time", "strep A cassette insert: not after 10 minutes"),
    ("POC_STREP", 601, "late", "strep A cassette insert: not after 10 minutes"),
    ("POC_HCG", 179, "early", "hCG cassette insert: read at 3 minutes"),
    ("POC_HCG", 180, "on_time", "hCG cassette insert: read at 3 minutes"),
    ("POC_HCG", 601, "late", "hCG cassette insert: not after 10 minutes"),
    ("POC_COVID", 899, "early", "BinaxNOW IFU: read at 15 minutes, not before"),
    ("POC_COVID", 1800, "on_time", "BinaxNOW IFU: not after 30 minutes"),
    ("POC_COVID", 1801, "late", "BinaxNOW IFU: not after 30 minutes"),
    ("POC_A1C", 359, "early", "DCA Vantage insert: result in 6 minutes"),
    ("POC_A1C", 7200, "on_time", "DCA Vantage: the analyzer holds its result"),
    ("POC_HGB", 14, "early", "HemoCue Hb 201+ manual: result in 15-60 s"),
]


@pytest.mark.parametrize(("code", "secs", "expected", "source"), WINDOWS)
def test_read_window(code: str, secs: int, expected: str, source: str) -> None:
    assert timing(POC_TESTS[code], secs) == expected, source


# (test, value, abnormal, to the provider now, source)
VALUES = [
    ("POC_HGB", 12.0, False, False, "WHO anemia cut-off 12.0 g/dL (nonpregnant women)"),
    ("POC_HGB", 11.9, True, False, "WHO anemia cut-off 12.0 g/dL"),
    ("POC_HGB", 7.0, True, False, "critical value below 7.0 g/dL"),
    ("POC_HGB", 6.9, True, True, "critical value below 7.0 g/dL"),
    ("POC_A1C", 5.6, False, False, "ADA Standards of Care: prediabetes from 5.7%"),
    ("POC_A1C", 5.7, True, False, "ADA Standards of Care: prediabetes from 5.7%"),
]


@pytest.mark.parametrize(("code", "value", "flag", "now", "source"), VALUES)
def test_value_flags(code: str, value: float, flag: bool, now: bool, source: str) -> None:
    t = POC_TESTS[code]
    assert is_abnormal(t, None, value, {}) is flag, source
    assert (provider_now(t, None, value) is not None) is now, source


@pytest.mark.parametrize(("code", "now"), [("POC_HCG", True), ("POC_COVID", True),
                                           ("POC_STREP", False)])
def test_positive_readings(code: str, now: bool) -> None:
    t = POC_TESTS[code]
    assert is_abnormal(t, "positive", None, {}) and not is_abnormal(t, "negative", None, {})
    assert (provider_now(t, "positive", None) is not None) is now, t.source
    assert provider_now(t, "negative", None) is None


def test_dipstick_pads_flag_only_outside_their_normal_values() -> None:
    # Multistix 10 SG: a usual strip is negative, SG 1.005-1.030, pH 5-8, urobilinogen 0.2-1.0
    assert abnormal_pads({}) == []
    assert abnormal_pads({"pH": "8.0", "urobilinogen": "1.0"}) == []
    assert abnormal_pads({"nitrite": "positive", "leukocytes": "trace"}) == ["nitrite",
                                                                             "leukocytes"]
    assert abnormal_pads({"pH": "8.5", "specific gravity": "1.000"}) == ["specific gravity",
                                                                         "pH"]


def test_point_of_care_codes_are_never_venous_tubes() -> None:
    for code, t in POC_TESTS.items():
        assert LAB_TESTS[code].tube == t.specimen and t.specimen not in TUBES
        assert any(c.right for c in t.collections), code
    assert tubes_for([*POC_TESTS, "CBC"]) == ["lavender"]


# WHO, "Haemoglobin concentrations for the diagnosis of anaemia and assessment of severity"
# (2011), table 1: the cut-off by age and sex, at its boundaries.
WHO_HGB_ROWS = [
    (0.3, None, 9.5, False, "WHO: no cut-off under 6 months (a healthy infant's dip)"),
    (0.5, None, 10.9, True, "WHO: children 6-59 months, below 11.0"),
    (4.9, None, 11.0, False, "WHO: children 6-59 months, 11.0 is not anemia"),
    (5.0, None, 11.4, True, "WHO: children 5-11 years, below 11.5"),
    (8.0, "male", 11.5, False, "WHO: children 5-11 years, 11.5 is not anemia"),
    (12.0, "female", 11.9, True, "WHO: children 12-14 years, below 12.0"),
    (14.9, "male", 12.5, False, "WHO: a boy of 14 is judged by 12.0, not the men's 13.0"),
    (15.0, "male", 12.9, True, "WHO: men 15 years and older, below 13.0"),
    (15.0, "female", 12.5, False, "WHO: non-pregnant women 15 and older, below 12.0"),
    (40.0, None, 12.0, False, "sex not given: the women's 12.0, so no healthy woman is flagged"),
]


@pytest.mark.parametrize(("age", "sex", "value", "flag", "source"), WHO_HGB_ROWS)
def test_hemoglobin_is_judged_by_age_and_sex(age: float, sex: str | None, value: float,
                                            flag: bool, source: str) -> None:
    assert is_abnormal(POC_TESTS["POC_HGB"], None, value, {}, age, sex) is flag, source
