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
# The phone and walk-ins (generate.py --calls N --walk-ins W): what callers say, by kind, and
# what walk-ins say at the desk, with the red flag behind the words when there is one.
CALL_WORDS = {
    "appointment": ("I'd like to come in for a check-up.", "Can I get an appointment soon?"),
    "reschedule": ("I can't make my visit next week; can we move it?",
                   "Something came up, I need another day for my appointment."),
    "cancel": ("Please cancel my appointment.", "I won't be able to come, cancel my visit."),
    "refill": ("I'm almost out of my medication and need a refill.",
               "Could you send a refill to my pharmacy?"),
    "result": ("Are my blood test results back?", "Did the lab results come in?"),
    "third_party": ("Can you tell me how the visit went?", "What did the doctor find?"),
}
RED_FLAG_CALLS = (
    ("chest_pain", "My chest feels tight and it's spreading to my arm."),
    ("stroke_signs", "My husband's face looks droopy and his speech is slurred."),
    ("short_of_breath", "I can barely catch my breath, even sitting still."),
    ("heavy_bleeding", "I cut myself and it won't stop bleeding through the towel."),
    ("suicidal_thoughts", "I don't want to be here anymore."),
    ("anaphylaxis", "My lips are swelling after a bee sting and my throat feels tight."),
)
WALK_IN_COMPLAINTS = ("My ear has hurt since last night.", "I twisted my ankle on the stairs.",
                      "I've had a sore throat and fever for two days.",
                      "I have a rash on my arm that itches.", "My back hurts after lifting.")
SPOUSES = ("Morgan", "Jules", "Robin", "Sasha", "Kai", "Drew")
PHARMACIES = ("Elm Street Pharmacy", "Riverside Drug", "Northgate Pharmacy")
