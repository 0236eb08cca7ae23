"""English domain terms: what makes a phrase a term and where its span ends."""

from __future__ import annotations

from glossary.mining.english import mine_text as mine_en


def terms(text: str) -> list[str]:
    return [m.surface for m in mine_en(text) if m.kind == "term"]


def test_a_fixed_expression_among_the_modifiers_makes_the_longer_phrase_the_term():
    s = terms(
        "The reform will protect the social security system. Nurses at the public "
        "health center gave advice. The city bought hydrogen fuel cell electric vehicles "
        "last year."
    )
    assert "social security system" in s and "social security" not in s
    assert "public health center" in s and "public health" not in s
    assert "hydrogen fuel cell electric vehicles" in s and "electric vehicles" not in s


def test_a_fixed_expression_alone_is_still_a_term():
    assert "public health" in terms("The ministry said public health comes first.")


def test_a_launch_continues_a_term_but_makes_none_after_a_bare_modifier():
    s = terms("Seoul condemned the ballistic missile launches on Monday.")
    assert s == ["ballistic missile launches"]
    assert terms("The rocket launch was delayed by the wind.") == []


def test_everyday_hyphenated_modifiers_describe():
    s = terms(
        "Ministers agreed to hold high-level consultations, a stand-alone summit and "
        "in-person meetings, and to expand inter-Korean exchanges."
    )
    assert not any(x.startswith(("high-level", "stand-alone", "in-person")) for x in s)
    assert "inter-Korean exchanges" in s


def test_issues_need_a_modifier_that_names_one():
    s = terms("They talked about geostrategic issues and the abduction issue.")
    assert "geostrategic issues" not in s
    assert "abduction issue" in s


def test_a_virus_strain_named_by_a_capitalised_word_is_one_term():
    ms = mine_en("Cases of the Omicron strain rose, and the Delta variant faded.")
    found = {m.surface: m.kind for m in ms}
    assert found.get("Omicron strain") == "term"
    assert found.get("Delta variant") == "term"
    assert "Omicron" not in {m.surface for m in ms if m.kind != "term"}


def test_the_same_head_on_both_sides_of_and_gives_two_terms():
    s = terms("Both corporate property tax and corporate income tax were raised.")
    assert "corporate property tax" in s and "corporate income tax" in s


def test_a_noun_before_and_that_modifies_the_head_joins_no_term():
    s = terms("Firms announced clean energy and semiconductors investments in Ohio.")
    assert "semiconductors investments" not in s
    assert "clean energy" in s


def test_population_epidemic_and_energy_expressions():
    s = terms(
        "A dwindling birthrate and a shrinking population worry the towns. Officials "
        "confirmed community transmission and traced close contacts. The plan backs "
        "green hydrogen. Hydrogen energy needs ports. Families slept in evacuation centers."
    )
    for term in (
        "dwindling birthrate",
        "shrinking population",
        "community transmission",
        "close contacts",
        "green hydrogen",
        "Hydrogen energy",
        "evacuation centers",
    ):
        assert term in s, term


def test_being_in_close_contact_is_an_idiom():
    assert terms("We remain in close contact with our allies.") == []


def test_a_briefing_session_is_generic():
    assert terms("He spoke at a briefing session on the budget.") == []


def test_verbs_in_en_and_spelled_ordinals_modify_no_term():
    s = terms("We need to quickly strengthen defense capabilities at the eleventh meeting.")
    assert "defense capabilities" in s
    assert not any(x.startswith(("strengthen", "eleventh")) for x in s)


def test_a_meeting_named_by_who_meets():
    s = terms("He convened a round-table conference of ministers on the floods.")
    assert s == ["round-table conference of ministers"]


def test_a_term_inside_a_name_and_a_shorter_term_inside_a_fixed_one():
    ms = mine_en("Debts grew during the COVID-19 pandemic. The total fertility rate fell.")
    found = {m.surface: m.kind for m in ms}
    assert found.get("COVID-19 pandemic") == "event"
    assert "COVID-19" not in found
    assert found.get("total fertility rate") == "term"
    assert "fertility rate" not in found


def test_leave_of_family_policy_and_a_plural_hyphenated_word_before_a_verb():
    s = terms("Fathers may take parental leave. Loans help micro-enterprises deal with debt.")
    assert "parental leave" in s
    assert not any("deal" in x for x in s)


def test_evaluative_adjectives_before_broad_heads_describe():
    s = terms("The bank kept a cautious approach to the stagnant economy.")
    assert s == []


def test_an_organisations_letters_before_a_head_make_no_term():
    s = terms("Exports grew after the POSCO and GM partnership began, and DNA testing rose.")
    assert "GM partnership" not in s
    assert "DNA testing" in s


def test_listed_hyphenated_compounds_of_everyday_words_stay_modifiers():
    s = terms("Low-cost carriers and public-private partnerships grew, not high-level talks.")
    assert "Low-cost carriers" in s and "public-private partnerships" in s
    assert not any(x.startswith("high-level") for x in s)


def test_a_verb_by_its_past_form_modifies_no_term():
    s = terms("The plan will resolve chronic problems. Officials eased the quarantine policy.")
    assert not any(x.startswith("resolve") for x in s)
    assert "quarantine policy" in s


def test_hyphenated_participles_describe_but_listed_compounds_name():
    s = terms(
        "Banks lent to debt-ridden public organizations and to small and medium-sized "
        "businesses, and promised future-oriented relations."
    )
    assert not any(x.startswith("debt-ridden") for x in s)
    assert "future-oriented relations" in s


def test_demand_reform_and_benefits_of_economic_policy():
    s = terms("Domestic demand fell. The structural reforms raised unemployment benefits.")
    assert {"Domestic demand", "structural reforms", "unemployment benefits"} <= set(s)


def test_a_center_needs_a_modifier_that_names_its_kind():
    s = terms("They met at the promotional center near the data center.")
    assert s == ["data center"]


def test_disaster_expressions_of_the_government():
    s = terms(
        "Heavy rain warnings were issued as landslide disasters spread. Officials studied "
        "disaster management after the Cabinet decision."
    )
    for term in ("Heavy rain warnings", "landslide disasters", "disaster management"):
        assert term in s, term
    assert any(x.lower() == "cabinet decision" for x in s)


def test_a_degree_adverb_before_a_hyphen_describes():
    s = terms("They built an ever-stronger defense relationship and far-reaching sanctions.")
    assert not any(x.startswith(("ever-stronger", "far-reaching")) for x in s)


def test_a_rare_abstract_noun_of_a_place_without_the_is_a_term():
    s = terms("Seoul urged the denuclearization of North Korea, not the situation of Japan.")
    assert "denuclearization of North Korea" in s
    assert not any(x.startswith("situation") for x in s)


def test_economic_policy_expressions_of_the_government():
    s = terms(
        "The Cabinet approved comprehensive economic measures as capital investment rose, "
        "tax revenues grew and consumer prices eased."
    )
    for term in (
        "comprehensive economic measures",
        "capital investment",
        "tax revenues",
        "consumer prices",
    ):
        assert term in s, term
    assert "economic measures" not in s


def test_leave_is_a_term_only_in_its_fixed_expressions():
    s = terms("Many women leave their jobs; maternity leave and part-time workers help.")
    assert "maternity leave" in s and "part-time workers" in s
    assert "women leave" not in s


def test_gender_expressions_and_a_cabinet_reshuffle():
    s = terms("The cabinet reshuffle put gender equality and the gender gap issues first.")
    assert {"cabinet reshuffle", "gender equality", "gender gap issues"} <= set(s)


def test_a_plural_before_a_head_that_is_also_a_verb_is_its_subject():
    s = terms(
        "Many foreign students visit Seoul, defectors visit the border and both forces "
        "exercise together, while a student exchange and a nuclear test go ahead."
    )
    assert "student exchange" in s and "nuclear test" in s
    assert not any(x.endswith(("visit", "exercise")) for x in s)


def test_shortages_and_state_media():
    s = terms("State media admitted a food shortage and labor shortages.")
    assert {"food shortage", "labor shortages"} <= set(s)
    assert any(x.lower() == "state media" for x in s)


def test_diplomatic_fixed_expressions():
    s = terms("In his policy speech he met the diplomatic corps and like-minded countries.")
    assert {"policy speech", "diplomatic corps", "like-minded countries"} <= set(s)


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(m.surface, m.kind) for m in mine_en(text)]


def test_a_lowercase_name_head_is_not_reached_over_to_or_a_verb():
    found = _kinds("The government sent the Self-Defense Forces to disaster zones on Monday.")
    assert ("Self-Defense Forces", "org") in found
    assert not any(kind == "event" for _, kind in found)
    found = _kinds("The Cabinet decision covers disaster relief for farmers.")
    assert not any(kind == "event" for _, kind in found)
    assert ("disaster relief", "term") in found


def test_a_noun_modifier_still_reaches_a_lowercase_name_head():
    found = _kinds("The Sewol ferry disaster shocked the nation.")
    assert ("Sewol ferry disaster", "event") in found


def test_prices_costs_and_companies_of_a_sector_are_terms_but_not_described_ones():
    s = terms(
        "Consumer prices rose in May while higher prices hit families. Power companies "
        "blamed fuel costs, and major companies asked for energy efficiency rules."
    )
    assert "Consumer prices" in s and "power companies" in [x.lower() for x in s]
    assert "fuel costs" in s and "energy efficiency" in s
    assert not any(x.lower() in ("higher prices", "major companies") for x in s)


def test_a_word_in_us_or_is_modifies_as_a_noun_not_a_plural():
    assert "coronavirus variants" in terms("Experts tracked new coronavirus variants closely.")


def test_two_nouns_joined_by_and_share_a_head_but_a_describing_word_does_not():
    s = terms("The allies will raise their deterrence and response capabilities this year.")
    assert s == ["deterrence and response capabilities"]
    assert terms("The envoy condemned nuclear and missile development again.") == []


def test_an_everyday_abbreviation_in_brackets_after_its_expansion_is_its_short_form():
    found = mine_en("Analysts watched the Consumer Price Index (CPI) and the (CPI) again.")
    cpi = [m for m in found if m.surface == "CPI"]
    full = [m for m in found if m.surface == "Consumer Price Index"]
    assert len(cpi) == 1 and full and cpi[0].normalized == full[0].normalized
    assert "AI" in terms("Firms invest in artificial intelligence (AI) tools.")
    assert not any(m.surface == "CEO" for m in mine_en("He met the new finance chief (CEO) today."))


def test_an_index_continues_a_term():
    assert "consumer price index" in terms("The consumer price index rose by 3 percent.")


def test_a_declared_state_of_emergency_and_an_acting_president_are_fixed_terms():
    s = terms("The declaration of the state of emergency in the capital was lifted.")
    assert s == ["declaration of the state of emergency"]
    assert terms("The acting president signed the bill on Friday.") == ["acting president"]


def test_a_place_inside_a_term_named_after_it_is_a_row_only_alone():
    found = _kinds("Doctors found the so-called UK variant in two patients.")
    assert ("UK variant", "term") in found and ("UK", "place") not in found
    found = _kinds("The UK variant reached Japan. Flights from the UK were stopped.")
    assert ("UK", "place") in found


def test_a_nationality_names_a_virus_strain_but_describes_other_heads():
    s = terms("Labs confirmed the Indian variant and a South African strain this week.")
    assert s == ["Indian variant", "South African strain"]
    assert terms("She studied a Japanese disease and Korean workers.") == []


def test_cost_of_living_modifies_as_a_fixed_compound():
    assert terms("Voters blamed the cost-of-living crisis for the defeat.") == [
        "cost-of-living crisis"
    ]
