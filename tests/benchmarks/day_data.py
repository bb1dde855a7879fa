"""The fictional content of generated benchmark days: names, visits, reasons, plans."""

from __future__ import annotations

FIRST_NAMES = (
    "Avery", "Bianca", "Caleb", "Dalia", "Elliot", "Farah", "Gideon", "Hana", "Ivo", "Jolene",
    "Kofi", "Lena", "Marco", "Nadia", "Otis", "Priya", "Quinn", "Rosa", "Soren", "Tamsin",
    "Umar", "Vera", "Wendell", "Yara",
)
LAST_NAMES = (
    "Abernathy", "Bellweather", "Castellan", "Drummond", "Everly", "Fairbanks", "Galloway",
    "Hollis", "Iverson", "Jarrow", "Kessler", "Lindgren", "Marchetti", "Northcott", "Okonkwo",
    "Pemberton", "Quarles", "Rasmussen", "Sandoval", "Thorne", "Underwood", "Valdivia",
    "Whitcombe", "Yamashiro",
)
PROVIDER_NAMES = (
    "Dr. Imogen Ashdown", "Dr. Tobias Renfrew", "Dr. Selin Okoro", "Dr. Mateo Brightwater",
    "Dr. Ingrid Solberg", "Dr. Kwame Adeyemi", "Dr. Lucia Ferrante", "Dr. Hamish Calder",
    "Dr. Noor Haddad", "Dr. Petra Vukovic",
)
MA_NAMES = (
    "Rosalind Ebert, CMA", "Tariq Mansour, RMA", "Greta Lindholm, CMA", "Desmond Achebe, CMA",
    "Marisol Ybarra, RMA", "Clement Fairweather, CMA", "Anouk Vermeer, CMA", "Emil Rautio, RMA",
    "Jasper Oyelaran, RMA", "Lucinda Pryor, CMA", "Matthias Koenig, CMA", "Ines Cardoso, RMA",
    "Saoirse Dunleavy, CMA", "Philippa Ashworth, CMA", "Ravi Chandrasekar, CMA",
    "Odette Villeneuve, RMA", "Cormac Teague, CMA", "Henrietta Boateng, CMA",
    "Luca Benedetti, RMA", "Bartholomew Nkemelu, CMA",
)
# The visit types and calendar lengths of the shipped days (scenarios/standard_day.json and
# busy_monday.json), with how often each is drawn: mostly follow-ups and same-day visits, as
# on the shipped schedules. Children get well-child or same-day visits.
VISIT_TYPES = (
    ("follow_up", "Follow-up visit", 15),
    ("annual_physical", "Annual physical", 30),
    ("new_patient", "New patient visit", 30),
    ("acute", "Acute (same-day sick) visit", 15),
    ("procedure", "Office procedure", 30),
    ("well_child", "Well-child or sports physical", 30),
)
MINUTES = {v: m for v, _, m in VISIT_TYPES}
ADULT_VISITS = (("follow_up", 40), ("acute", 25), ("annual_physical", 17), ("new_patient", 9),
                ("procedure", 9))
CHILD_VISITS = (("well_child", 60), ("acute", 40))
# The shipped providers' usual exam lengths (18, 15 and 16 minutes), repeated down the list.
EXAM_MINUTES = (18, 15, 16, 18, 17, 15, 18, 16, 17, 15)
REASONS = {
    "follow_up": ("Blood pressure check", "Type 2 diabetes follow-up", "Thyroid dose review",
                  "Cholesterol follow-up", "Asthma follow-up; inhaler refill"),
    "annual_physical": ("Annual physical", "Annual physical; fasting for labs",
                        "Well visit and sports form"),
    "new_patient": ("New patient: establish care", "New patient: transfer of care"),
    "acute": ("Sore throat for 2 days", "Cough and congestion", "Low back pain after lifting",
              "Itchy rash for 5 days", "Ear pain"),
    "procedure": ("Suture removal", "Wound check and dressing change", "Skin tag removal"),
    "well_child": ("Well-child visit", "Well-child visit and school form", "Sports physical"),
}
ASSISTS = {"Suture removal": "suture removal", "Wound check and dressing change": "wound care",
           "Skin tag removal": "skin tag removal"}
LAB_CODES = ("CMP", "CBC", "LIPID", "HBA1C", "TSH", "PT_INR", "POC_GLUCOSE")
PLANS = (("Lakeshore Health PPO", "LKH"), ("Prairie State Blue HMO", "PSB"),
         ("Cedar Valley Medicare Advantage", "CVM"), ("Harborview Medicaid", "HVM"))
ALLERGIES = ("penicillin (hives)", "sulfa (rash)", "latex (itching)", "codeine (nausea)")
MEDICATIONS = ("lisinopril 10 mg daily", "metformin 500 mg twice daily",
               "atorvastatin 20 mg daily", "levothyroxine 50 mcg daily",
               "albuterol inhaler as needed", "sertraline 50 mg daily")
REFERRALS = ("cardiology", "dermatology", "orthopedics", "endocrinology", "physical therapy")
AVAILABILITY = (
    {"weekdays": ["tue", "thu"], "note": "I can only get off work on Tuesdays and Thursdays."},
    {"earliest": "13:00", "note": "Afternoons only, please."},
    {"latest": "11:00", "note": "Mornings before eleven work best."},
)
FOLLOW_UP_WINDOWS = ((7, 14), (14, 28), (25, 35), (84, 98))
