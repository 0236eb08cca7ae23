"""English names, titles and their variants: cases seen on unseen news texts."""

from __future__ import annotations

from glossary.mining.english import mine_text as mine_en


def kinds(text: str) -> dict[str, str]:
    return {m.surface: m.kind for m in mine_en(text)}


def test_on_before_a_place_says_where_a_name_is():
    ms = kinds(
        "The tour ended at Sunrise Park on Jeju Island, and the 2nd Infantry Division on "
        "Camp Walker joined the drill."
    )
    assert "Sunrise Park" in ms and ms["Jeju Island"] == "place"
    assert "Sunrise Park on Jeju Island" not in ms
    assert "2nd Infantry Division" in ms and ms["Camp Walker"] == "facility"


def test_on_stays_inside_a_conference_or_an_institute():
    ms = kinds(
        "Delegates met at the Conference on Disarmament and the Forum on Peace on the "
        "Korean Peninsula, hosted by the Institute of Advanced Studies on Asia."
    )
    assert "Conference on Disarmament" in ms
    assert "Forum on Peace on the Korean Peninsula" in ms
    assert "Institute of Advanced Studies on Asia" in ms


def test_demonyms_of_any_country_are_no_names_and_small_countries_are_places():
    ms = kinds(
        "By country, Egyptian students led, and the Palestinian delegation met envoys "
        "from Latvia, Malawi and Estonia."
    )
    assert "Egyptian" not in ms and "Palestinian" not in ms
    assert ms["Latvia"] == ms["Malawi"] == ms["Estonia"] == "place"


def lines_of(text: str) -> list[list[str]]:
    from glossary.mining.scoring import mine_json

    return [line["surfaces"] for line in mine_json(text)]


def together(text: str, a: str, b: str) -> bool:
    return any(a in group and b in group for group in lines_of(text))


def test_an_acronym_taking_more_than_one_letter_of_a_word_joins_its_name():
    text = (
        "The Korea Electric Power Corporation (Chairman Kim Dong-cheol, KEPCO) said on "
        "Monday that KEPCO would raise rates, while the Korea Coast Guard said nothing."
    )
    assert together(text, "KEPCO", "Korea Electric Power Corporation")
    assert not together(text, "KEPCO", "Korea Coast Guard")


def test_the_honorable_is_no_part_of_a_name():
    ms = kinds("The minister met the Honorable Penny Wong, Minister for Foreign Affairs.")
    assert ms["Penny Wong"] == "person"
    assert not any("Honorable" in s for s in ms)


def test_a_short_given_name_joins_the_one_person_with_that_full_name():
    text = (
        "Secretary of State Anthony Carter met Foreign Minister Kim Min-jun. "
        '"Thank you for coming, Tony," Kim said. Mr. Bob Lane, an aide, listened.'
    )
    assert together(text, "Tony", "Anthony Carter")
    assert not any("Tony" in g and "Bob Lane" in g for g in lines_of(text))


def test_a_relation_is_one_whatever_the_order_of_its_countries():
    text = (
        "Japan-ROK relations improved this year. Seoul said ROK-Japan relations would "
        "improve further before the China-Japan-ROK Summit and after the Japan-ROK Summit."
    )
    assert together(text, "Japan-ROK relations", "ROK-Japan relations")
    assert not together(text, "China-Japan-ROK Summit", "Japan-ROK Summit")


def test_an_ampersand_joins_the_words_of_a_name_and_reads_as_and():
    text = (
        "The Minister of Economy, Trade & Industry visited Korea Hydro & Nuclear Power. "
        "Later the Ministry of Economy, Trade and Industry and the Ministry of Economy, "
        "Trade & Industry were named together."
    )
    ms = kinds(text)
    assert ms["Minister of Economy, Trade & Industry"] == "term"
    assert ms["Korea Hydro & Nuclear Power"] == "org"
    assert "Trade" not in ms and "Industry" not in ms
    assert together(
        text, "Ministry of Economy, Trade and Industry", "Ministry of Economy, Trade & Industry"
    )


def test_a_term_named_after_a_person_or_place_is_a_term_not_a_place():
    ms = kinds(
        "The tremor measured 6.2 on the Richter scale. Victims of Minamata disease and "
        "the Delta variant were counted."
    )
    assert ms["Richter scale"] == "term" and "Richter" not in ms
    assert ms["Minamata disease"] == "term" and ms["Delta variant"] == "term"


def test_the_diet_alone_is_the_national_diet_the_article_names():
    text = (
        "The bill went to the National Diet in May. The Diet passed it in June, and "
        "the Cabinet welcomed the vote."
    )
    assert together(text, "Diet", "National Diet")
    assert not together(text, "Cabinet", "National Diet")


def test_a_famous_name_opening_a_sentence_before_what_a_person_does_is_a_name():
    ms = kinds(
        "Trump will visit Seoul in May. Pence met the governor there. Bush and Koizumi "
        "agreed on the plan. Obama, who left office in 2017, spoke."
    )
    assert ms["Trump"] == ms["Pence"] == ms["Bush"] == ms["Obama"] == "person"


def test_an_everyday_word_opening_a_sentence_before_such_a_verb_stays_ordinary():
    ms = kinds(
        "Nobody said a word. Police met the protesters. Support arrived late. Staff "
        "welcomed the change in Busan. Police, who came late, left."
    )
    assert set(ms) == {"Busan"}


def test_region_after_a_known_place_adds_nothing_to_its_name():
    ms = kinds("Peace in the Indo-Pacific region matters, and the Tohoku Region recovered.")
    assert ms["Indo-Pacific"] == "place" and "Indo-Pacific region" not in ms
    assert ms["Tohoku Region"] == "place"  # capitalised, the head is part of the name


def test_titles_with_their_rank_lowercase_words_an_ampersand_and_a_region():
    ms = kinds(
        "Deputy Defense Secretary Ashton Lane toured the base. Deputy Assistant to the "
        "President & Coordinator for the Indo-Pacific Kurt Lindell spoke, and Special "
        "Representative for North Korea Sung Han listened."
    )
    assert ms["Deputy Defense Secretary"] == "term" and "Defense Secretary" not in ms
    assert ms["Deputy Assistant to the President"] == "term"
    assert ms["Coordinator for the Indo-Pacific"] == "term"
    assert ms["Special Representative for North Korea"] == "term"
    assert ms["Kurt Lindell"] == ms["Sung Han"] == ms["Ashton Lane"] == "person"


def test_a_model_designation_starts_a_name_of_its_own():
    ms = kinds(
        "Officials mourned the crash of a U.S. Air Force CV-22 Osprey, and the ROK Air "
        "Force F-35A fleet was grounded."
    )
    assert ms["U.S. Air Force"] == "org" and ms["CV-22 Osprey"] == "term"
    assert ms["ROK Air Force"] == "org" and ms["F-35A"] == "term"


def test_a_heading_opening_with_an_everyday_ing_word_is_nobody():
    ms = kinds("Opening Remarks\nMs. Yoko Tanaka, Minister for Foreign Affairs: Thank you.")
    assert "Opening Remarks" not in ms and ms["Yoko Tanaka"] == "person"


def test_quoted_words_before_a_project_head_name_the_project_with_it():
    ms = kinds('The ministry runs the "Cool Earth" Project with the “Team Asia” Initiative.')
    assert ms['"Cool Earth" Project'] == "work"
    assert ms["“Team Asia” Initiative"] == "work"
    assert "Cool Earth" not in ms


def test_a_capitalised_adjective_before_a_lowercase_noun_ends_no_name():
    ms = kinds(
        "The KOREA.NET Honorary reporters grew, and 300 people joined as Honorary "
        "reporters; the Executive Council met Gary Locke."
    )
    assert ms["KOREA.NET"] == "org" and "KOREA.NET Honorary" not in ms
    assert "Honorary" not in ms
    assert ms["Executive Council"] == "org" and ms["Gary Locke"] == "person"


def test_a_term_inside_an_event_is_a_row_only_where_it_stands_alone():
    assert set(kinds("Schools shut during the COVID-19 pandemic.")) == {"COVID-19 pandemic"}
    ms = kinds("Schools shut during the COVID-19 pandemic. COVID-19 then spread.")
    assert ms["COVID-19"] == "term"


def test_heads_of_delegation_is_a_job_before_the_talks_it_names():
    ms = kinds("She met the Heads of Delegation of the Four-Party Talks in Geneva.")
    assert ms["Four-Party Talks"] == "event"
    assert not any("Delegation" in s for s in ms)


def test_a_company_before_a_job_title_is_an_organisation_and_its_short_name():
    text = (
        "The plant, built by Hyundai Motor Group, opened after Hyundai Chairman Euisun "
        "Chung spoke; later Acting President Han Duck-soo came."
    )
    ms = kinds(text)
    assert ms["Hyundai"] == "org" and ms["Euisun Chung"] == "person"
    assert "Acting" not in ms
    assert together(text, "Hyundai", "Hyundai Motor Group")


def test_a_group_of_countries_stands_in_a_relation_compound():
    ms = kinds("Officials said ASEAN-Korea ties grew, as did EU-Japan cooperation.")
    assert ms["ASEAN-Korea ties"] == ms["EU-Japan cooperation"] == "term"
    assert ms["ASEAN"] == ms["EU"] == "org"
    assert "ASEAN-Korea" not in ms


def test_a_family_name_in_capitals_joins_the_full_name_and_a_known_org_keeps_its_demonym():
    text = (
        "Prime Minister TANAKA Kenji spoke at the Prime Minister's Office. Later Mr. "
        "TANAKA said volunteers of the Korean Red Cross would help."
    )
    from glossary.mining.scoring import mine_json

    person = next(line for line in mine_json(text) if "TANAKA" in line["surfaces"])
    assert "TANAKA Kenji" in person["surfaces"] and person["canonical"] == "Tanaka Kenji"
    assert kinds(text)["Korean Red Cross"] == "org"


def test_a_korean_family_name_that_is_also_an_english_word_stands_after_a_title():
    text = "Seoul Mayor Oh Se-hoon came. Mayor Oh said it helped. Oh, it was fun."
    assert together(text, "Oh", "Oh Se-hoon")
    assert [m.surface for m in mine_en(text)].count("Oh") == 1


def test_a_western_name_that_reads_as_romaji_keeps_its_order():
    from glossary.mining.scoring import mine_json

    text = "President Joe Biden met the press. Biden said the talks went well."
    person = next(line for line in mine_json(text) if "Biden" in line["surfaces"])
    assert person["canonical"] == "Joe Biden"


def test_a_korean_given_name_with_a_long_syllable_stays_whole():
    assert "Koo Byoung-sam" in kinds("Spokesperson Koo Byoung-sam said Pyongyang had not replied.")


def test_the_council_alone_joins_the_un_council_however_the_un_is_written():
    text = (
        "The United Nations Security Council met. Later the U.N. Security Council (UNSC) "
        "met again, but the Security Council issued no statement."
    )
    assert together(text, "Security Council", "United Nations Security Council")
    assert together(text, "U.N. Security Council", "UNSC")


def test_an_abbreviated_governor_after_a_city_is_the_governor_of_that_city():
    text = "Osaka Gov. Hirofumi Yoshimura spoke; the Osaka Governor later left."
    ms = kinds(text)
    assert ms["Osaka Gov."] == "term" and ms["Hirofumi Yoshimura"] == "person"
    assert together(text, "Osaka Gov.", "Osaka Governor")


def test_a_heading_label_of_everyday_words_before_a_colon_is_no_name():
    ms = kinds(
        "- Record Growth: Exports to Busan rose.\n- Markets of the Future: Firms in "
        "Incheon grew.\nMinister Tanaka: We agreed."
    )
    assert set(ms) == {"Busan", "Incheon", "Tanaka"}


def test_a_rank_word_ending_a_name_without_its_period_is_part_of_the_name():
    ms = kinds("Defense Minister Nakatani Gen met Gen. Paul Avery in Tokyo.")
    assert ms["Nakatani Gen"] == "person" and ms["Paul Avery"] == "person"
    assert "Nakatani" not in ms


def test_a_given_name_and_a_rare_family_name_in_capitals_are_a_person():
    from glossary.mining.scoring import mine_json

    text = "The designer Aylin KARAKAYA from Turkey met Hanwha KEPCO officials."
    ms = kinds(text)
    assert ms["Aylin KARAKAYA"] == "person" and ms["Hanwha KEPCO"] == "org"
    person = next(line for line in mine_json(text) if "Aylin KARAKAYA" in line["surfaces"])
    assert person["canonical"] == "Aylin Karakaya"


def test_a_place_ends_before_on_and_the_second_of_two_places_is_a_place():
    ms = kinds("A quake hit Toyama Prefecture on New Year's Day; homes fell in Himi and Imizu.")
    assert ms["Toyama Prefecture"] == "place" and ms["New Year's Day"] == "event"
    assert ms["Himi"] == ms["Imizu"] == "place"


def test_a_companys_legal_form_keeps_its_period_ends_the_name_and_joins_the_bare_name():
    text = (
        "Kia Motors Corp. said sales rose. Chips went to Micron Corp. SK Hynix Inc. "
        "gained too, and Kia Motors said it would hire."
    )
    ms = kinds(text)
    assert ms["Kia Motors Corp."] == "org" and ms["Micron Corp."] == "org"
    assert ms["SK Hynix Inc."] == "org"
    assert together(text, "Kia Motors Corp.", "Kia Motors")


def test_curator_is_a_title_a_dynasty_a_place_and_a_religion_an_adjective():
    ms = kinds(
        "Curator Han Ji-min showed Buddhist paintings of the Goryeo Dynasty and the "
        "Islamic State flag."
    )
    assert ms["Han Ji-min"] == "person" and ms["Goryeo Dynasty"] == "place"
    assert "Buddhist" not in ms and "Islamic State" in ms


def test_a_complex_after_a_name_is_a_facility():
    ms = kinds("Inspectors said the Yongbyon nuclear complex remains active.")
    assert ms["Yongbyon nuclear complex"] == "facility" and "Yongbyon" not in ms


def test_a_western_given_name_read_as_romaji_does_not_turn_the_name_round():
    from glossary.mining.scoring import mine_json

    text = "Commerce Secretary Gina Moretti spoke. Later Moretti left for Seoul."
    person = next(line for line in mine_json(text) if "Moretti" in line["surfaces"])
    assert person["canonical"] == "Gina Moretti"
    text = "Prime Minister Sanae Takaichi spoke. Later Takaichi left for Seoul."
    person = next(line for line in mine_json(text) if "Takaichi" in line["surfaces"])
    assert person["canonical"] == "Takaichi Sanae"


def test_a_word_opening_a_name_gives_its_kind_and_an_abbreviation_keeps_the_name_whole():
    text = "Typhoon Maemi hit Busan. Tourists climbed Mt. Halla, and Mount Halla was closed."
    ms = kinds(text)
    assert ms["Typhoon Maemi"] == "event"
    assert ms["Mt. Halla"] == ms["Mount Halla"] == "place"
    assert together(text, "Mt. Halla", "Mount Halla")


def test_a_newsroom_in_brackets_after_a_speaker_label_is_an_organisation():
    ms = kinds(
        "REPORTER (KBS): Will you run? SECRETARY (MODERATOR): Next question. Komeito agreed."
    )
    assert ms["KBS"] == "org" and ms["Komeito"] == "org" and "MODERATOR" not in ms


def test_a_country_after_of_is_its_own_row_unless_it_starts_an_institution():
    ms = kinds(
        "He was Prosecutor General of South Korea and later met the Chair of the U.S. "
        "Export-Import Bank."
    )
    assert ms["Prosecutor General"] == "term" and ms["South Korea"] == "place"
    assert not any(s.startswith("General of") for s in ms)
    assert "Chair of the U.S. Export-Import Bank" in ms


def test_a_title_opening_a_sentence_with_a_function_word_keeps_it():
    ms = kinds("They met in Tokyo. Under Secretary for Political Affairs Jane Doyle joined.")
    assert ms["Under Secretary for Political Affairs"] == "term"
    assert ms["Jane Doyle"] == "person"


def test_a_korean_province_with_its_unit_stays_whole_at_a_sentence_start():
    ms = kinds("In Chungcheongbuk-do, rain fell. Jeollabuk-do and Gangwon-do were spared.")
    assert ms["Chungcheongbuk-do"] == ms["Jeollabuk-do"] == ms["Gangwon-do"] == "place"


def test_a_relation_with_a_capitalised_head_is_the_same_term_as_in_lowercase():
    text = "Both praised the U.S.-Japan Alliance; the Japan-U.S. alliance is strong."
    ms = kinds(text)
    assert ms["U.S.-Japan Alliance"] == ms["Japan-U.S. alliance"] == "term"
    assert together(text, "U.S.-Japan Alliance", "Japan-U.S. alliance")
    assert kinds("The Japan-ROK Summit was held.")["Japan-ROK Summit"] == "event"


def test_companies_named_by_their_trade_are_organisations():
    ms = kinds("Analysts asked about Nippon Steel, SK Telecom and Korean Air on Friday.")
    assert ms["Nippon Steel"] == ms["SK Telecom"] == ms["Korean Air"] == "org"


def test_a_name_before_program_is_a_named_programme_unless_it_is_a_place():
    ms = kinds("Japan joined the Artemis program, while the Iran nuclear program worried Seoul.")
    assert ms["Artemis program"] == "work" and "Artemis" not in ms
    assert "Iran nuclear program" not in ms and ms["Iran"] == "place"


def test_a_family_name_shared_by_two_people_is_the_one_named_just_before_it():
    text = (
        "Kim Hae-sook, a teacher in Daegu, met reporters on Friday. Kim Tae-ho, a farmer "
        "from Jeonju, spoke next and asked for help with the harvest. Kim said prices "
        "had fallen by half."
    )
    assert together(text, "Kim", "Kim Tae-ho")
    assert not together(text, "Kim", "Kim Hae-sook")


def test_a_family_name_before_any_full_name_joins_nobody():
    text = (
        "Kim said on Friday that prices had fallen. Kim Hae-sook, a teacher in Daegu, and "
        "Kim Tae-ho, a farmer from Jeonju, agreed."
    )
    assert not any("Kim" in g and len(g) > 1 for g in lines_of(text))


def test_a_company_named_again_without_its_last_word_is_one_company():
    text = (
        "Daehan Electronics opened a plant in Gumi on Monday. Shares of Daehan rose after "
        "the news. Minsong Entertainment said its singers would tour, and Minsong added "
        "that tickets were sold out."
    )
    assert together(text, "Daehan", "Daehan Electronics")
    assert together(text, "Minsong", "Minsong Entertainment")
    assert not together(text, "Daehan", "Minsong")


def test_a_short_company_name_shared_by_two_full_names_joins_neither():
    text = (
        "Daehan Electronics and Daehan Steel both reported losses. Daehan said that "
        "sales had fallen."
    )
    assert not together(text, "Daehan", "Daehan Electronics")
    assert not together(text, "Daehan", "Daehan Steel")


def test_a_name_written_mid_sentence_keeps_its_everyday_first_word_at_a_sentence_start():
    text = (
        "The photo ran in Harbor Weekly on Monday, beside a story about the harbor. "
        "Harbor Weekly said the boats would return."
    )
    surfaces = [s for group in lines_of(text) for s in group]
    assert "Harbor Weekly" in surfaces
    assert "Weekly" not in surfaces


def test_an_everyday_word_opening_a_sentence_still_goes_when_never_part_of_a_name():
    text = "Officials met at the harbor. Harbor Weekly said the boats would return."
    surfaces = [s for group in lines_of(text) for s in group]
    assert "Harbor Weekly" not in surfaces


def test_a_web_address_is_an_organisation_even_opening_a_sentence():
    ms = kinds("Fans watched the golf match. Fairway.com posted the video. It ran on Seoul.net.")
    assert ms["Fairway.com"] == "org"
    assert ms["Seoul.net"] == "org"


def test_two_everyday_capitalised_words_joined_by_of_are_one_name_not_two_persons():
    ms = kinds("Factories now use the Internet of Things to track parts, a report said.")
    assert "Internet of Things" in ms
    assert ms["Internet of Things"] != "person"
    assert "Internet" not in ms and "Things" not in ms


def test_a_person_of_a_country_stays_a_person_and_a_place():
    ms = kinds("The letter was signed by Sato of Japan, and Grace of Monaco sent flowers.")
    assert "Sato of Japan" not in ms and "Grace of Monaco" not in ms
    assert ms.get("Japan") == "place" and ms.get("Monaco") == "place"


def test_a_full_name_with_and_without_its_middle_initial_is_one_person():
    text = (
        "Governor Laura K. Whitfield visited the port on Monday. Laura Whitfield said the "
        "new cranes would arrive in May."
    )
    assert together(text, "Laura Whitfield", "Laura K. Whitfield")


def test_two_people_told_apart_only_by_initials_stay_apart():
    text = "Senator John R. Miles met his son John T. Miles in Ohio. John Miles spoke first."
    assert not together(text, "John R. Miles", "John T. Miles")
    assert not together(text, "John Miles", "John R. Miles")
    assert not together(text, "John Miles", "John T. Miles")


def test_a_number_spelled_out_gives_the_digit_of_an_acronym():
    text = "The Group of Eight met in Rome on Monday, and the G8 agreed to double aid."
    assert together(text, "G8", "Group of Eight")


def test_a_longer_name_with_an_acronym_is_the_same_name_with_its_expansion():
    text = (
        "The Group of Twenty summit opened in Osaka on Friday. Police closed roads near "
        "the G20 summit venue, and the G20 said trade would come first."
    )
    assert together(text, "G20 summit", "Group of Twenty summit")


def test_an_office_named_after_the_post_it_serves_is_one_organisation():
    text = (
        "A statement from the Office of the Prime Minister came on Friday, and the Prime "
        "Minister's Office added a second one."
    )
    ms = kinds(text)
    assert ms["Office of the Prime Minister"] == "org"
    assert together(text, "Office of the Prime Minister", "Prime Minister's Office")


def test_a_party_with_its_other_name_in_brackets_is_one_party_with_all_its_names():
    text = (
        "The ruling Hanbit (Great Light) Party won 150 seats. The Great Light Party said "
        "it would form a cabinet, and Great Light officials celebrated."
    )
    lines = lines_of(text)
    assert any("Hanbit (Great Light) Party" in g and "Great Light Party" in g for g in lines)
    assert together(text, "Great Light", "Great Light Party")


def test_a_country_code_before_a_dollar_sign_is_a_currency_not_a_place():
    text = "The grant was 2 billion won (about US$1.5 million), and the US said it would help."
    ms = [m for m in mine_en(text) if m.surface == "US"]
    assert len(ms) == 1 and ms[0].start == text.index("the US") + 4


def test_a_lowercase_region_after_any_name_adds_nothing_to_it():
    ms = kinds("Heavy snow fell across the Hokuriku region on Monday, officials said.")
    assert ms.get("Hokuriku") == "place"
    assert "Hokuriku region" not in ms


def test_the_name_before_region_is_no_short_form_of_a_longer_place():
    text = (
        "Ferries to the Oga Peninsula stopped on Monday. Farmers across the Oga region "
        "said the snow was the worst in years."
    )
    assert "Oga" in [s for g in lines_of(text) for s in g]
    assert not together(text, "Oga", "Oga Peninsula")


def test_a_programme_named_for_its_language_mid_sentence_is_a_name():
    ms = kinds("Opening Remarks\nAnna Cole adapted this report for Learning English on Friday.")
    assert ms.get("Learning English") == "org"
    assert "Opening Remarks" not in ms
