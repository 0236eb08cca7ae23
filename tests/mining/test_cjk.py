from __future__ import annotations

from glossary.mining import mine_text
from glossary.mining.japanese import mine_text as mine_ja
from glossary.mining.korean import mine_text as mine_ko


def kinds(mentions):
    return {m.surface: m.kind for m in mentions}


def test_korean_particles_and_titles_stripped():
    ms = kinds(mine_ko("이재명 대통령은 다카이치 사나에 일본 총리와 회담했다."))
    assert ms["이재명"] == "person"
    assert ms["다카이치 사나에"] == "person"
    assert ms["일본"] == "place"
    # the guideline: bare titles are no terms
    assert "대통령" not in ms and "총리" not in ms
    assert "이재명은" not in ms and "이재명 대통령" not in ms


def test_korean_compound_terms_and_offices():
    ms = kinds(
        mine_ko("위성락 국가안보실장은 셔틀외교와 공동기자회견, 초국가 범죄 대응을 설명했다.")
    )
    assert ms["위성락"] == "person"
    assert ms["국가안보실장"] == "term"
    assert ms["국가안보실"] == "org"
    assert ms["셔틀외교"] == "term"
    assert ms["공동기자회견"] == "term"
    assert ms["초국가 범죄"] == "term"


def test_korean_relation_compounds_and_latin_acronyms():
    ms = kinds(mine_ko("한미일 안보협력과 한일 정상회담, APEC 정상회의와 G20 정상회의가 열렸다."))
    assert ms["한미일 안보협력"] == "term"
    assert ms["한일 정상회담"] == "term"
    assert ms["APEC"] == "org" and ms["G20"] == "org"


def test_korean_family_name_with_title_joins_full_name():
    cands = mine_text(
        "이재명 대통령은 출국했다. 이 대통령은 위성락 실장과 논의했다. 위 실장은 설명했다.",
        lang="ko",
    )
    by = {c.canonical: c for c in cands}
    assert set(by["이재명"].surfaces) == {"이재명", "이"}
    assert set(by["위성락"].surfaces) == {"위성락", "위"}


def test_japanese_titles_and_honorifics_stripped():
    ms = kinds(mine_ja("高市総理は李在明大統領と会談し、石破茂前首相も同席した。"))
    assert ms["高市"] == "person"
    assert ms["李在明"] == "person"
    assert ms["石破茂"] == "person"
    # the guideline: bare titles are no terms
    assert "総理" not in ms and "大統領" not in ms and "首相" not in ms


def test_japanese_compounds_relations_and_katakana_names():
    ms = kinds(
        mine_ja(
            "シャトル外交と日韓米の連携を確認した。東京大学東洋文化研究所の"
            "ジョン・チュアン・ティオン・リム研究員が発言した。"
        )
    )
    assert ms["シャトル外交"] == "term"
    assert ms["日韓米の連携"] == "term"
    assert ms["ジョン・チュアン・ティオン・リム"] == "person"
    assert ms["東京大学東洋文化研究所"] == "org"


def test_japanese_family_name_joins_full_name():
    cands = mine_text("高市早苗首相は13日に訪韓した。高市首相は会見した。", lang="ja")
    by = {c.canonical: c for c in cands}
    assert set(by["高市早苗"].surfaces) == {"高市早苗", "高市"}


def test_acronym_in_brackets_joins_expansion():
    cands = mine_text(
        "아시아태평양경제협력체(APEC) 정상회의가 열렸다. APEC 회원국이 모였다.", lang="ko"
    )
    by = {c.canonical: c for c in cands}
    assert "APEC" in by["아시아태평양경제협력체"].surfaces


def test_korean_office_titled_by_its_ministry_and_bare_titles():
    ms = kinds(mine_ko("홍용표 한국 통일부 장관은 정준희 통일부 대변인과 박진 장관을 만났다."))
    assert ms["통일부 장관"] == "term" and ms["통일부 대변인"] == "term"
    assert ms["통일부"] == "org" and ms["한국"] == "place"
    assert ms["홍용표"] == "person" and ms["정준희"] == "person"
    assert "장관" not in ms


def test_family_names_join_the_full_name_written_either_way():
    cands = mine_text(
        "토니 블링컨 국무장관은 박진 외교장관과 만났다. 블링컨 장관과 박 장관은 논의했다.",
        lang="ko",
    )
    by = {c.canonical: set(c.surfaces) for c in cands}
    assert by["토니 블링컨"] == {"토니 블링컨", "블링컨"}
    assert by["박진"] == {"박진", "박"}


def test_sentences_quoted_in_english_are_mined_as_english():
    cands = mine_text(
        "미국은 북한을 비판했습니다. \"The United States condemns the DPRK's ballistic "
        'missile launch," 국무부 대변인이 말했습니다.',
        lang="ko",
    )
    by = {c.canonical: set(c.surfaces) for c in cands}
    assert any({"미국", "United States"} <= s for s in by.values())
    # the launch continues the term "ballistic missile" (en_term_tails.txt)
    assert any("ballistic missile launch" in s for s in by.values())
    assert not any("condemns" in x for s in by.values() for x in s)


def test_japanese_korean_names_in_kanji_and_readings_in_brackets():
    ms = kinds(
        mine_ja(
            "尹錫悦大統領と文在寅大統領が会った。金烘均(キム・ホンギュン)韓国外交部"
            "朝鮮半島平和交渉本部長と武井俊輔(たけいしゅんすけ)外務副大臣が同行した。"
        )
    )
    for name in ("尹錫悦", "文在寅", "金烘均", "キム・ホンギュン", "武井俊輔", "たけいしゅんすけ"):
        assert ms[name] == "person"
    assert ms["外務副大臣"] == "term"
    assert "大統領" not in ms and "しゅんすけ" not in ms
    cands = {
        c.canonical: set(c.surfaces) for c in mine_text("金烘均(キム・ホンギュン)氏。", lang="ja")
    }
    assert {"金烘均", "キム・ホンギュン"} in cands.values()


def test_era_names_are_no_candidates_but_stay_in_a_name():
    ms = kinds(mine_ja("令和6年能登半島地震が発生した。令和の時代だ。"))
    assert ms["令和6年能登半島地震"] == "event"
    assert "令和" not in ms


def test_japanese_person_institution_and_office_in_one_word():
    ms = kinds(
        mine_ja(
            "日本側から、金杉アジア大洋州局長ほか。ジョセフ・ユン国務省北朝鮮政策担当"
            "特別代表と坂口輪島市長、岩屋大臣が出席した。"
        )
    )
    assert ms["金杉"] == "person" and ms["ジョセフ・ユン"] == "person"
    assert ms["アジア大洋州局長"] == "term" and ms["アジア大洋州局"] == "org"
    assert ms["国務省"] == "org" and ms["北朝鮮政策担当特別代表"] == "term"
    assert ms["坂口"] == "person" and ms["輪島市長"] == "term"
    assert ms["岩屋"] == "person" and "岩屋大臣" not in ms


def test_korean_name_glossed_in_kanji_and_meetings_of_ministers():
    cands = mine_text(
        "모테기 도시미쓰(茂木 敏充) 일본 외무상과 한일 외교장관 회담을 가졌다. 양 장관은 논의했다.",
        lang="ko",
    )
    by = {c.canonical: (c.kind, set(c.surfaces)) for c in cands}
    assert ("person", {"모테기 도시미쓰", "茂木 敏充"}) in by.values()
    assert "한일" not in by and "양" not in by


def test_korean_names_in_kanji_katakana_and_hangul_cluster():
    cands = mine_text(
        "李在明大統領は会見した。イ・ジェミョン大統領は尹錫悦前大統領と会った。", lang="ja"
    )
    by = {c.canonical: set(c.surfaces) for c in cands}
    assert {"李在明", "イ・ジェミョン"} in by.values()
    cands = mine_text(
        "이재명(李在明) 대통령은 하야시 요시마사 외무상과 하야시 외무상을 만났다.", lang="ko"
    )
    by = {c.canonical: set(c.surfaces) for c in cands}
    assert any({"이재명", "李在明"} <= s for s in by.values())
    assert {"하야시 요시마사", "하야시"} in by.values()


def test_korean_ordinal_events_sign_offs_and_parties_before_titles():
    ms = kinds(
        mine_ko(
            "제20대 대통령 선거에서 당시 김대중 새정치국민회의 후보가 이겼다. 제4차 핵실험 "
            "이후 윤성현 대표가 말했다.\nVOA 뉴스 김환용입니다."
        )
    )
    assert ms["제20대 대통령 선거"] == "event" and ms["제4차 핵실험"] == "event"
    assert ms["김대중"] == "person" and ms["새정치국민회의"] == "org"
    assert ms["윤성현"] == "person" and ms["김환용"] == "person"


def test_relation_words_standing_alone_are_terms():
    ms = kinds(mine_ja("日米韓が緊密に連携し、日韓米で協力を確認した。"))
    assert ms["日米韓"] == "term" and ms["日韓米"] == "term"
    assert "日韓米の協力" not in kinds(mine_ja("日韓米の協力の重要性を確認した。"))


def test_korean_country_abbreviations_split_from_names_and_titles():
    cands = mine_text(
        "성 김 미 국무부 대북특별대표는 하야시 요시마사 일 외무상과 만났다. 미 국무부는 일 "
        "외무성과 협의했다. 미국은 일본과 한-일 관계와 한일 관계를 논의했다.",
        lang="ko",
    )
    by = {c.canonical: (c.kind, set(c.surfaces)) for c in cands}
    kinds_ = {s: k for k, ss in by.values() for s in ss}
    assert kinds_["성 김"] == "person" and kinds_["하야시 요시마사"] == "person"
    assert kinds_["국무부"] == "org" and kinds_["외무성"] == "org"
    assert kinds_["외무상"] == "term"
    groups = [ss for _, ss in by.values()]
    assert {"미", "미국"} in groups and {"일", "일본"} in groups
    assert {"한-일 관계", "한일 관계"} in groups


def test_korean_hyphen_relations_particles_and_foreign_given_names():
    ms = kinds(mine_ko("미-북 협상이 이뤄지지 않았다. 김정은은 한국과 일본을 위협했다."))
    assert ms["미-북 협상"] == "term"
    assert "미" not in ms and "북" not in ms
    # 과 is a particle, not the last syllable of a name 한국과
    assert ms["한국"] == "place" and "한국과" not in ms
    # a given name the analyser reads as a common noun, before a foreign family name
    ms = kinds(mine_ko("헤더 노어트 국무부 대변인은 말했다. 당시 노무현 대통령은 말했다."))
    assert ms["헤더 노어트"] == "person"
    # a Korean name after a common noun stays alone: every syllable reads a hanja
    assert ms["노무현"] == "person" and "당시 노무현" not in ms


def test_korean_country_abbreviation_at_the_start_of_a_line():
    ms = kinds(mine_ko("그는 말했다.\n미 국방부는 자료를 냈다. 밀리 미 육군참모총장은 말했다."))
    assert ms["미"] == "place"
    assert ms["국방부"] == "org" and "미 국방부" not in ms
    assert ms["육군참모총장"] == "term"


def test_japanese_korean_kanji_name_before_an_institution_and_its_title():
    ms = kinds(mine_ja("尹炳世外交部長官から安倍総理大臣に対し説明があった。"))
    assert ms["尹炳世"] == "person"
    assert ms["外交部長官"] == "term" and ms["外交部"] == "org"
    assert "尹炳世外交部長官" not in ms


def test_japanese_titles_with_their_country_and_bureau():
    ms = kinds(mine_ja("武藤駐韓大使,趙世ヨン(チョ・セヨン)外交通商部東北アジア局長ほか。"))
    assert ms["武藤"] == "person" and ms["駐韓大使"] == "term"
    assert "武藤駐韓" not in ms
    assert ms["東北アジア局長"] == "term" and ms["東北アジア局"] == "org"
    assert ms["外交通商部"] == "org" and "アジア" not in ms


def test_japanese_relation_with_a_suffix_hyphenated_latin_and_regions():
    ms = kinds(mine_ja("日韓間の交流やK-POPが広がった。アジア太平洋地域において自衛隊が活動した。"))
    assert ms["日韓"] == "term" and "日韓間" not in ms
    assert "K-POP" in ms and "POP" not in ms
    assert ms["アジア太平洋地域"] == "place" and "アジア" not in ms
    assert ms["自衛隊"] == "org"


def test_japanese_katakana_family_name_before_a_title_and_one_person_per_family_name():
    ms = mine_ja("アントニー・ブリンケン国務長官は述べた。ブリンケン長官は会談した。")
    keys = {m.surface: m.normalized for m in ms}
    assert "ブリンケン長官" not in keys
    assert keys["ブリンケン"] == keys["アントニー・ブリンケン"]
    # 安倍 is 安倍晋三 throughout, though 安倍晋太郎 is named between two of them
    ms = mine_ja(
        "安倍晋三総理大臣は述べた。安倍総理大臣に対し,安倍晋太郎元外務大臣の写真を"
        "贈った。安倍総理大臣は喜んだ。"
    )
    keys = {}
    for m in ms:
        keys.setdefault(m.surface, set()).add(m.normalized)
    assert keys["安倍"] == keys["安倍晋三"]


def test_korean_office_read_as_one_proper_noun_and_relations_of_two_syllables():
    ms = kinds(mine_ko("김건 한반도평화교섭본부장은 중·러를 포함한 국제사회에 말했다."))
    assert ms["김건"] == "person"
    assert ms["한반도평화교섭본부장"] == "term"
    assert ms["중·러"] == "term" and "러" not in ms
    ms = kinds(mine_ko("미국 대통령 선거가 열렸다. 해당 조약에 서명했다."))
    assert ms["미국"] == "place"
    assert "해당 조약" not in ms


def test_japanese_readings_in_brackets_of_short_names_family_names_and_places():
    ms = mine_ja("外交部の朴振(パク・ジン)長官から報告を受けた。朴長官は述べた。")
    keys = {m.surface: m.normalized for m in ms}
    # a one-character given name, confirmed by its Sino-Korean reading in brackets
    assert keys["朴振"] == keys["パク・ジン"] == keys["朴"]
    ms = mine_ja(
        "康京和外交部長官と会談した。康(カン)長官と協力する。ソウル龍山(ヨンサン)で会った。"
    )
    keys = {m.surface: m.normalized for m in ms}
    assert keys["カン"] == keys["康"] == keys["康京和"]
    assert keys["ヨンサン"] == keys["龍山"]


def test_korean_party_before_a_name_local_titles_and_names_before_institutions():
    ms = kinds(
        mine_ko(
            "더불어민주당 이재명 대표와 국민의힘 정진석 비상대책위원장이 만났다. "
            "박희영 용산구청장도 참석했다. 유명희 산업통상자원부 통상교섭본부장과 "
            "현대자동차그룹도 왔다. 북한은 화성-17형을 쐈다."
        )
    )
    assert ms["이재명"] == "person" and ms["더불어민주당"] == "org"
    assert ms["정진석"] == "person" and "국민의힘 정진석" not in ms
    assert ms["박희영"] == "person" and ms["용산구청장"] == "term"
    assert ms["유명희"] == "person"
    assert "현대자동차그룹" in ms and "현대자동차그룹도" not in ms
    assert "화성-17형" in ms
    # a foreign name of two words stays whole
    assert kinds(mine_ko("다카이치 사나에 일본 총리"))["다카이치 사나에"] == "person"


def test_japanese_places_in_a_row_companies_and_ministers_of_both_sides():
    ms = kinds(
        mine_ja("石川県輪島市と珠洲市では。トヨタ自動車と電気自動車。両外相は外相間で一致した。")
    )
    assert ms["石川県"] == "place" and ms["輪島市"] == "place"
    assert "輪島" not in ms  # a place inside a place
    assert ms["トヨタ自動車"] == "org" and "電気自動車" not in ms
    assert "外相" not in ms


def test_korean_deputy_titles_keep_the_name_apart():
    ms = kinds(
        mine_ko("김여정 노동당 부부장은 담화를 냈다. 주형환 저출산고령사회위원회 부위원장도 왔다.")
    )
    assert ms["김여정"] == "person" and ms["노동당"] == "org"
    assert ms["주형환"] == "person" and ms["저출산고령사회위원회"] == "org"


def test_korean_english_quote_clusters_with_the_hangul_and_direction_suffixes():
    ms = mine_ko(
        '방콕발 무안행 제주항공 7C221편이 착륙했다. 바이든은 "We mourn with the people of '
        'Muan and stand with President Yoon Suk Yeol." 윤석열 대통령은 감사했다. F-35A 전투기도.'
    )
    keys = {m.surface: m.normalized for m in ms}
    assert "무안" in keys and "C221" not in keys
    assert keys["Muan"] == keys["무안"]
    assert keys["Yoon Suk Yeol"] == keys["윤석열"]
    assert "F-35A" in keys


def test_places_and_institutions_glossed_in_brackets_cluster_with_their_name():
    keys = {m.surface: m.normalized for m in mine_ko("대통령은 독도(獨島)를 방문했다.")}
    assert keys["獨島"] == keys["독도"]
    keys = {m.surface: m.normalized for m in mine_ja("ソウル龍山(ヨンサン)の大統領室で会った。")}
    assert keys["ヨンサン"] == keys["龍山"]


def test_security_compounds_are_terms_in_korean_and_japanese():
    ms = kinds(mine_ko("북한은 핵실험과 사이버 공격을 계속했고 대량살상무기를 개발했다."))
    assert ms["핵실험"] == "term" and ms["사이버 공격"] == "term"
    ms = kinds(mine_ja("北朝鮮は核実験を行い、大量破壊兵器とサイバー攻撃を続けている。"))
    assert ms["核実験"] == "term" and ms["大量破壊兵器"] == "term" and ms["サイバー攻撃"] == "term"


def test_no_event_or_place_inside_a_place_and_korean_provinces_in_kanji():
    ms = kinds(mine_ja("京畿道の安城選挙区と忠清北道の清州上党選挙区で選挙が行われた。"))
    assert ms["京畿道"] == "place" and ms["忠清北道"] == "place"
    assert "安城選挙区" in ms and "安城選挙" not in ms and "安城" not in ms
    # a facility inside an event is still a row of its own
    ms = kinds(mine_ja("長生炭鉱水没事故の犠牲者を追悼した。"))
    assert ms["長生炭鉱水没事故"] == "event" and ms["長生炭鉱"] == "facility"


def test_korean_institutions_without_a_head_and_more_titles():
    ms = kinds(
        mine_ko(
            "존 커비 백악관 국가안보회의 전략소통조정관은 말했다. 여러 유엔 안보리 결의에 위배된다."
        )
    )
    assert ms["존 커비"] == "person" and ms["백악관"] == "org"
    assert ms["유엔 안보리"] == "org" and ms["유엔"] == "org"
    ms = kinds(mine_ko("린다 토머스-그린필드 대사와 커트 캠벨 국무부 부장관이 만났다."))
    assert ms["린다 토머스-그린필드"] == "person"
    assert ms["커트 캠벨"] == "person" and ms["국무부 부장관"] == "term"
    # a chamber begins a title
    assert kinds(mine_ko("밥 코커 상원 외교위원장이 말했다."))["상원 외교위원장"] == "term"


def test_japanese_korean_name_the_analyser_cut_after_two_characters():
    ms = mine_ja("金正恩総書記は演説した。金総書記は述べた。国民間の交流と韓国側の訪問中に岸田氏")
    keys = {m.surface: m.normalized for m in ms}
    assert keys["金正恩"] == keys["金"]
    assert "金正" not in keys
    assert not {"国民間", "韓国側", "訪問中", "岸田氏"} & set(keys)


def test_japanese_institutions_at_the_start_of_a_compound():
    ms = kinds(mine_ja("安保理決議の遵守を求めた。国連安保理は決議を採択した。"))
    assert ms["安保理"] == "org" and ms["国連安保理"] == "org" and ms["国連"] == "org"


def test_events_and_facilities_with_and_without_a_middle_word_cluster():
    ms = mine_ko(
        "제주항공 여객기 사고로 179명이 숨졌다. 제주항공 사고 유가족은 무안국제공항에 모였다. "
        "무안공항은 폐쇄됐다. 무안 주민들도 왔다."
    )
    keys = {m.surface: m.normalized for m in ms}
    assert keys["제주항공 사고"] == keys["제주항공 여객기 사고"]
    assert keys["무안공항"] == keys["무안국제공항"]
    assert keys["무안"] != keys["무안공항"]  # the place is not its airport


def test_korean_names_and_heads_quoted_in_english_join_the_hangul():
    ms = mine_ko(
        "유엔 안보리 결의와 탄도미사일 발사를 규탄했다. 제주항공 사고 유가족을 위로했다. "
        '[국무부 대변인] "This launch violates United Nations Security Council resolutions '
        'and we mourn the victims of the Jeju Air accident."'
    )
    keys = {m.surface: m.normalized for m in ms}
    assert keys["United Nations Security Council"] == keys["유엔 안보리"]
    assert keys["Jeju Air accident"] == keys["제주항공 사고"]


def test_korean_nouns_missing_from_the_dictionary_are_names():
    ms = kinds(mine_ko("블링컨은 수낵 총리와 만났다. 그는 미사일 브리핑을 들었다."))
    assert "블링컨" in ms and ms["수낵"] == "person"
    assert "미사일" not in ms and "브리핑" not in ms  # words of the dictionary


def test_japanese_katakana_word_missing_from_unidic_is_a_name():
    ms = kinds(mine_ja("スナク首相と会談した。ミサイルの発射を非難した。"))
    assert ms["スナク"] == "person" and "ミサイル" not in ms


def test_korean_name_split_into_common_nouns_before_a_title():
    ms = kinds(mine_ko("최선희 외무상은 담화를 냈다. 안보실 대변인은 말했다."))
    assert ms["최선희"] == "person"
    assert ms["안보실"] == "org"


def test_korean_name_read_as_a_shorter_name_and_a_noun_before_a_title():
    # Kiwi reads 김민준 at a sentence start as 김민 (proper noun) + 준 (common noun).
    ms = kinds(mine_ko("김민준 연구원은 부산에서 연설했다. 김민준 씨는 말했다."))
    assert ms["김민준"] == "person" and "김민" not in ms
    # A country and a one-syllable noun is no name, title after it or not.
    assert "이란산" not in kinds(mine_ko("이란산 대변인은 말했다."))


def test_korean_forces_directions_between_names_and_councils():
    ms = kinds(
        mine_ko("러시아군은 우크라이나 동부 도네츠크주 바흐무트를 점령했다. 라이칭더 대만 총통은")
    )
    assert ms["러시아"] == "place" and "러시아군" not in ms
    assert ms["도네츠크주"] == "place" and "바흐무트" in ms and "동부" not in ms
    assert ms["라이칭더"] == "person"
    ms = kinds(mine_ko("유엔 인권이사회는 결의안을 채택했다."))
    assert ms["유엔 인권이사회"] == "org" and ms["유엔"] == "org"


def test_japanese_prefecture_names_its_governor():
    ms = kinds(mine_ja("吉村洋文大阪府知事が出席した。黒岩祐治神奈川県知事と会った。"))
    assert ms["吉村洋文"] == "person" and ms["大阪府知事"] == "term"
    assert ms["黒岩祐治"] == "person" and ms["神奈川県知事"] == "term"


def test_korean_institutions_are_words_of_the_analyser():
    ms = kinds(mine_ko("야당인 국민의힘 윤석열 후보가 당선됐다."))
    assert ms["국민의힘"] == "org" and ms["윤석열"] == "person"


def test_korean_name_in_hanja_before_a_title_is_a_person():
    ms = mine_ko("이재명 대통령과 李在明 대통령. 이 대통령은 말했다.")
    keys = {m.surface: (m.kind, m.normalized) for m in ms}
    assert keys["李在明"][0] == "person" and "李在明 대통령" not in keys
    assert keys["李在明"][1] == keys["이재명"][1] == keys["이"][1]


def test_korean_name_country_institution_and_title_apart():
    ms = kinds(mine_ko("성 김 미 국무부 대북특별대표는 말했다. 하야시 요시마사 일 외무상은 왔다."))
    assert ms["성 김"] == "person" and ms["미"] == "place" and ms["국무부"] == "org"
    assert ms["국무부 대북특별대표"] == "term"
    assert ms["하야시 요시마사"] == "person" and ms["일"] == "place" and ms["외무상"] == "term"


def test_korean_terms_of_sharing_regimes_rulings_and_deployments():
    ms = kinds(mine_ko("양국은 군사 정보 공유를 확대하고 한반도 평화 체제와 사드 배치를 논의했다."))
    assert ms["군사 정보 공유"] == "term" and ms["평화 체제"] == "term"
    # "실시간" (real-time) makes no term
    assert "실시간 공유" not in kinds(mine_ko("경보 정보의 실시간 공유를 시작했다."))


def test_japanese_parties_chambers_and_festivals():
    ms = kinds(
        mine_ja("自由民主党と公明党の与党は衆議院で過半数を割った。瀬戸内国際芸術祭が開かれた。")
    )
    assert ms["自由民主党"] == "org" and ms["公明党"] == "org" and ms["衆議院"] == "org"
    assert ms["瀬戸内国際芸術祭"] == "event"
    assert "与党" not in ms


def test_korean_embassies_ambassadors_and_forces_stationed_abroad():
    ms = kinds(
        mine_ko("주일 한국대사관은 성명을 냈다. 필립 골드버그 주한 미국대사는 말했다. 주한미군도.")
    )
    assert ms["주일 한국대사관"] == "org"
    assert ms["필립 골드버그"] == "person" and ms["주한 미국대사"] == "term"
    assert ms["주한미군"] == "org"


def test_japanese_embassies_and_forces_stationed_abroad():
    ms = kinds(mine_ja("駐日韓国大使館は声明を出した。在韓米軍と在日米軍が訓練した。"))
    assert ms["駐日韓国大使館"] == "org"
    assert ms["在韓米軍"] == "org" and ms["在日米軍"] == "org"


def test_japanese_institutions_written_with_a_particle():
    ms = kinds(mine_ja("共に民主党の李在明候補と国民の力の尹錫悦候補。日本維新の会も"))
    assert ms["共に民主党"] == "org" and ms["国民の力"] == "org" and ms["日本維新の会"] == "org"
    assert ms["李在明"] == "person" and ms["尹錫悦"] == "person"


def test_japanese_title_before_ika_and_the_cabinet_office():
    ms = kinds(mine_ja("自衛隊機で防災担当副大臣以下の内閣府調査チームを派遣した。"))
    assert ms["防災担当副大臣"] == "term" and ms["内閣府"] == "org"


def test_japanese_meetings_with_acronyms_and_numbered_parties():
    ms = kinds(mine_ja("G7倉敷労働雇用大臣会合が開かれた。日米韓の六者会合首席代表による会合。"))
    assert ms["G7倉敷労働雇用大臣会合"] == "event" and ms["G7"] == "org"
    assert "六者会合" in ms and "会合首席代表" not in ms


def test_korean_number_of_parties_in_a_name():
    ms = mine_ko("북한은 6자회담 복귀를 거부했다. 6자 회담 수석대표가 만났다.")
    keys = {m.surface: m.normalized for m in ms}
    assert keys["6자회담"] == keys["6자 회담"]


def test_korean_words_of_time_before_a_term_are_not_part_of_it():
    ms = kinds(mine_ko("북한은 이틀 연속 탄도미사일을 발사했다."))
    assert ms["탄도미사일"] == "term" and "연속 탄도미사일" not in ms


def test_korean_chamber_inside_a_title_or_committee_is_its_own_row():
    ms = kinds(mine_ko("밥 코커 상원 외교위원장이 말했다. 하원 군사위원회에 출석했다."))
    assert ms["상원 외교위원장"] == "term" and ms["상원"] == "org"
    assert ms["하원 군사위원회"] == "org" and ms["하원"] == "org"


def test_japanese_time_zone_is_no_place():
    ms = kinds(mine_ja("現地時間14日午後4時(日本時間15日午前6時)から会談した。"))
    assert "日本" not in ms
    assert kinds(mine_ja("日本と韓国は会談した。"))["日本"] == "place"


def test_japanese_kanji_read_as_a_symbol_after_a_line_break():
    ms = kinds(mine_ja("日韓経済関係\n\n 玄葉大臣より,日韓関係について述べた。"))
    assert ms["玄葉"] == "person" and "葉" not in ms


def test_korean_documents_named_by_a_place_or_relation_are_one_work():
    ms = kinds(mine_ko("양국은 남북 기본합의서와 한반도 비핵화 공동선언을 재확인했다."))
    assert ms["남북 기본합의서"] == "work" and ms["한반도 비핵화 공동선언"] == "work"
    ms = kinds(mine_ko("두 정상은 판문점 선언을 발표했다. 양측은 파리기후변화협약을 지지했다."))
    assert ms["판문점 선언"] == "work" and ms["파리기후변화협약"] == "work"
    assert "판문점" not in ms or ms["판문점"] == "place"


def test_korean_places_written_with_a_joiner_are_one_region():
    ms = kinds(mine_ko("한미 양국은 인도·태평양 지역의 평화를 강조했다."))
    assert ms["인도·태평양"] == "place" and "인도" not in ms and "태평양" not in ms
    ms = kinds(mine_ko("한국·일본 정상이 만났다."))
    assert "한국·일본" not in ms


def test_korean_city_with_its_ending_before_a_title_is_no_person():
    ms = kinds(mine_ko("서울시 대변인은 이날 브리핑에서 말했다."))
    assert ms["서울시"] == "place"
    ms = kinds(mine_ko("서민정 대변인은 말했다."))
    assert ms["서민정"] == "person"


def test_korean_city_read_with_a_common_noun_ending_keeps_it_and_no_inner_place():
    ms = kinds(mine_ko("경상북도 포항시에서 지진이 발생했다. 니가타현에서도 흔들렸다."))
    assert ms["포항시"] == "place" and ms["니가타현"] == "place"
    assert "포항" not in ms and "니가타" not in ms
    assert "미국" in kinds(mine_ko("미국 시간으로 3시에 만났다."))


def test_korean_institutions_weapons_and_relations_with_between():
    ms = kinds(mine_ko("국가정보원은 북한이 신형 대륙간탄도미사일을 쐈다고 밝혔다."))
    assert ms["국가정보원"] == "org" and ms["대륙간탄도미사일"] == "term"
    assert "신형 대륙간탄도미사일" not in ms
    ms = kinds(mine_ko("한일간 협력이 중요하다."))
    assert "한일간" not in ms or ms["한일간"] != "person"


def test_korean_area_word_after_a_place_makes_no_term():
    ms = kinds(mine_ko("북한은 황해북도 중화군 일대에서 미사일을 쐈다."))
    assert ms["황해북도"] == "place" and ms["중화군"] == "place"
    assert not any("일대" in s for s in ms)


def test_korean_company_with_latin_letters_is_one_name():
    ms = kinds(mine_ko("SK하이닉스와 KB국민은행의 주가가 올랐다."))
    assert ms["SK하이닉스"] == "org" and ms["KB국민은행"] == "org"
    assert "SK" not in ms and "하이닉스" not in ms


def test_korean_document_inside_a_relation_compound_is_its_own_row():
    ms = kinds(mine_ko("한미 자유무역협정 개정 협상이 시작됐다."))
    assert ms["한미 자유무역협정"] == "work"
    assert "한미 동맹" in kinds(mine_ko("한미 동맹 강화를 논의했다."))


def test_japanese_country_between_a_katakana_name_and_a_title_is_a_place():
    ms = kinds(mine_ja("ジョー・バイデン米大統領とスナク英首相は会談した。"))
    assert ms["ジョー・バイデン"] == "person" and ms["スナク"] == "person"
    assert ms["米"] == "place" and ms["英"] == "place"
    assert "ジョー・バイデン米" not in ms and "英首相" not in ms


def test_japanese_prefecture_read_as_one_word_before_a_city():
    ms = kinds(mine_ja("北海道札幌市と北海道旭川市で選挙が行われた。"))
    assert ms["北海道"] == "place" and ms["札幌市"] == "place" and ms["旭川市"] == "place"
    assert "北海道札幌市" not in ms


def test_japanese_direction_before_a_place_is_part_of_the_name():
    ms = kinds(mine_ja("東アジア首脳会議に出席し、環太平洋パートナーシップ協定に加盟した。"))
    assert ms["東アジア首脳会議"] == "event"
    assert ms["環太平洋パートナーシップ協定"] == "work"
    assert "アジア首脳会議" not in ms and "太平洋パートナーシップ協定" not in ms


def test_japanese_relation_before_summit_is_a_term():
    ms = kinds(mine_ja("日中韓サミットが開催された。サミットに出席した。"))
    assert ms["日中韓サミット"] == "term"
    assert "サミット" not in ms


def test_japanese_un_organs_the_diet_and_the_official_residence_are_institutions():
    ms = kinds(mine_ja("国連総会で演説した後、首相官邸に戻り、国会議事堂で国会の審議に臨んだ。"))
    assert ms["国連総会"] == "org" and ms["首相官邸"] == "org" and ms["国会"] == "org"
    assert "国会議事堂" in ms and "国連" not in ms


def test_japanese_part_of_a_place_is_not_an_organisation():
    ms = kinds(mine_ja("台風が九州南部に上陸し、ウクライナ東部でも戦闘が続いた。"))
    assert ms["九州"] == "place" and ms["ウクライナ"] == "place"
    assert "九州南部" not in ms and "ウクライナ東部" not in ms


def test_japanese_embassy_stationed_in_a_country_keeps_its_prefix():
    ms = kinds(mine_ja("在大韓民国日本国大使館と在ソウル日本総領事館は注意を呼びかけた。"))
    assert ms["在大韓民国日本国大使館"] == "org" and ms["在ソウル日本総領事館"] == "org"
    assert "大韓民国日本国大使館" not in ms


def test_japanese_katakana_name_cut_before_a_particle_reading_is_whole():
    ms = kinds(mine_ja("マクロン大統領は述べた。"))
    assert ms == {"マクロン": "person"}


def test_japanese_full_name_listed_in_jmnedict_before_a_title_is_one_person():
    ms = kinds(mine_ja("習近平国家主席と会談した。"))
    assert ms["習近平"] == "person" and ms["国家主席"] == "term"
    assert "平" not in ms


def test_japanese_olympics_after_a_place_are_an_event():
    ms = kinds(mine_ja("北京冬季オリンピックが開催された。オリンピックに出場した。"))
    assert ms == {"北京冬季オリンピック": "event"}


def test_japanese_katakana_name_cut_before_a_suffix_reading_is_whole():
    ms = kinds(mine_ja("ブリンケン米国務長官と会談した。"))
    assert ms["ブリンケン"] == "person" and ms["米"] == "place" and ms["国務長官"] == "term"
    assert "ブリン" not in ms


def test_japanese_katakana_name_the_analyser_read_with_a_dot_inside_is_one_name():
    ms = kinds(mine_ja("ジョン・チュアン・ティオン・リム氏は述べた。"))
    assert ms == {"ジョン・チュアン・ティオン・リム": "person"}


def test_korean_name_before_an_honorific_or_a_job_title_is_a_person():
    # 씨 is a bound noun to Kiwi; 현 would otherwise read as a prefecture's ending
    assert kinds(mine_ko("윤성현 씨는 이날 말했다."))["윤성현"] == "person"
    # 봉 is a family name the three-syllable rule leaves out; the title decides
    assert kinds(mine_ko("봉준호 감독이 부산국제영화제에 참석했다."))["봉준호"] == "person"
    assert kinds(mine_ko("손흥민 선수가 골을 넣었다."))["손흥민"] == "person"


def test_korean_company_letters_before_two_common_nouns_are_one_name():
    ms = kinds(mine_ko("LG에너지솔루션은 미국 애리조나주에 공장을 짓는다."))
    assert ms["LG에너지솔루션"] == "org" and "LG" not in ms
    # one glued noun is a paper or a title, and AI is a common abbreviation
    assert "KDI보고서" not in kinds(mine_ko("KDI보고서에 따르면 성장률이 낮아졌다."))
    assert not any(s.startswith("AI") for s in kinds(mine_ko("AI반도체산업을 키운다.")))


def test_korean_foreign_family_name_read_as_a_bound_noun_before_a_title():
    # Kiwi reads 밀리 as a bound noun (a millimetre); a title after it makes it a name
    assert kinds(mine_ko("마크 밀리 합참의장은 이날 성명을 냈다."))["마크 밀리"] == "person"
    assert "가량" not in kinds(mine_ko("서울 가량 떨어진 곳에 있다."))


def test_korean_month_and_day_name_the_document_after_them():
    assert kinds(mine_ko("정부는 9·19 군사합의의 효력을 정지했다."))["9·19 군사합의"] == "work"
    assert kinds(mine_ko("6·15 공동선언 정신을 계승한다."))["6·15 공동선언"] == "work"
    # a date before a word that names no document is no name
    assert not kinds(mine_ko("오전 9·10 시에 만났다."))


def test_korean_kind_word_before_a_name_gives_the_event():
    ms = kinds(mine_ko("제11호 태풍 힌남노가 경상북도 포항시를 강타했다."))
    assert ms["태풍 힌남노"] == "event" and "힌남노" not in ms
    assert not kinds(mine_ko("태풍 피해 복구가 늦어졌다."))


def test_korean_three_syllable_name_of_the_family_bong_is_a_person():
    # 봉 (奉) is a family name: korean_miner column of korean_surnames.tsv
    assert kinds(mine_ko("봉준호는 새 영화를 공개했다."))["봉준호"] == "person"
    assert kinds(mine_ko("봉은사에서 법회가 열렸다."))["봉은사"] == "facility"


def test_korean_village_and_neighbourhood_endings_make_places():
    # 구 (具) is a family name, but 구월동 after a district is a neighbourhood
    ms = kinds(mine_ko("인천 남동구 구월동 주민들이 모였다."))
    assert ms["구월동"] == "place" and ms["남동구"] == "place"
    # a village the analyser reads as a common noun and 리, right after a place
    ms = kinds(mine_ko("경기도 파주시 문산읍 임진리의 공장을 찾았다."))
    assert ms["문산읍"] == "place" and ms["임진리"] == "place"


def test_korean_city_or_state_ending_written_apart_makes_places():
    ms = kinds(mine_ko("미국 오하이오 콜럼버스 시에서 공장을 짓는다."))
    assert ms["오하이오"] == "place" and ms["콜럼버스"] == "place"
    assert "오하이오 콜럼버스" not in ms
    # 시 after a number is still the hour
    assert not kinds(mine_ko("회의는 3 시에 끝났다."))


def test_korean_full_name_and_the_organisation_after_it_are_two_rows():
    ms = kinds(mine_ko("신동빈 롯데 회장은 말했다. 롯데는 투자를 늘린다."))
    assert ms["신동빈"] == "person" and ms["롯데"] == "org"
    assert "신동빈 롯데" not in ms
    # a Japanese name keeps its given name, written nowhere else
    assert kinds(mine_ko("기시다 후미오 총리는 말했다."))["기시다 후미오"] == "person"


def test_korean_place_inside_a_longer_name_is_no_row():
    ms = kinds(mine_ko("강원 강릉시 경포 해변에 피서객이 몰렸다."))
    assert ms["경포 해변"] == "place" and "경포" not in ms
    # a place word (송정리) and the head word after it are one place, not two
    ms = kinds(mine_ko("부산 송정리 해변 근방 상가가 문을 닫았다."))
    assert ms["송정리 해변"] == "place" and "송정리" not in ms
    ms = kinds(mine_ko("경주역사유적지구는 경주에 있다."))
    assert ms["경주역사유적지구"] == "facility"
    assert ms["경주"] == "place"  # it also stands alone


def test_korean_name_with_and_without_its_kind_word_is_one():
    ms = mine_ko("태풍 카눈이 북상했다. 카눈은 오후에 약해졌다.")
    keys = {m.surface: (m.kind, m.normalized) for m in ms}
    assert keys["카눈"] == keys["태풍 카눈"]
    assert keys["카눈"][0] == "event"


def test_korean_words_that_only_end_like_an_institution_are_no_names():
    ms = kinds(mine_ko("시민단체는 정보 공개 신청을 냈고 논평 요청에 답했다. 통일부는 밝혔다."))
    assert not any(s.endswith(("신청", "요청")) for s in ms)
    assert ms["통일부"] == "org"  # 일부 ("some") written onto 통일 is no word
    ms = kinds(mine_ko("한국 남부 지방에 비가 내렸다. 조선중앙TV는 보도했다."))
    assert "한국 남부" not in ms and ms["한국"] == "place"
    assert ms["조선중앙TV"] == "org" and "조선" not in ms


def test_korean_common_noun_before_a_name_describes_it():
    ms = kinds(mine_ko("미국의 IT기업 애플은 생산이 늦어진다고 경고했다."))
    assert ms["애플"] == "org" and not any("기업" in s for s in ms)


def test_korean_title_after_the_country_of_a_foreign_name():
    # Kiwi reads some foreign family names as bound nouns (밀리) or loanwords (버거);
    # the title after the country abbreviation still makes the whole a person
    assert kinds(mine_ko("마크 밀리 미 육군참모총장은 말했다."))["마크 밀리"] == "person"
    ms = kinds(mine_ko("데이비드 버거 미 해병대사령관은 훈련을 참관했다."))
    assert ms["데이비드 버거"] == "person" and ms["미"] == "place"
    # a common noun of hanja between a name and a title stays apart
    assert "이재명 정부" not in kinds(mine_ko("이재명 정부 장관들이 모였다."))


def test_korean_adjective_root_is_no_relation_word():
    # 중대하다 (serious): 중 and 대 are also China and Taiwan in relation words
    assert not kinds(mine_ko("이번 선거는 중대한 시금석이 되고 있습니다."))


def test_korean_generic_word_with_its_suffix_makes_no_term():
    assert "외교적 접근" not in kinds(mine_ko("북한에 대한 외교적 접근에 전념하고 있다."))
    assert kinds(mine_ko("양국은 인적 교류를 늘리기로 했다."))["인적 교류"] == "term"


def test_korean_group_name_alone_is_the_company_named_in_full():
    ms = mine_ko("현대자동차는 새 공장을 짓는다. 현대는 이날 투자 계획을 밝혔다.")
    keys = {m.surface: m.normalized for m in ms}
    assert keys["현대"] == keys["현대자동차"]
    # two companies of one group: the group's name alone is neither
    ms = mine_ko("삼성전자와 삼성물산이 합의했다. 삼성은 이날 밝혔다.")
    keys = {m.surface: m.normalized for m in ms}
    assert keys["삼성"] not in (keys["삼성전자"], keys["삼성물산"])


def test_korean_ship_that_opens_an_event_name_is_a_facility():
    ms = kinds(mine_ko("천안함 피격 사건 이후 서해 경계가 강화됐다."))
    assert ms["천안함 피격 사건"] == "event" and ms["천안함"] == "facility"


def test_korean_known_name_written_onto_more_words_is_that_name():
    ms = mine_ko("아시아나항공 사고가 났다. 한국 아시아나항공 여객기는 착륙했다.")
    surfaces = [(m.surface, m.kind) for m in ms]
    assert ("아시아나", "place") not in surfaces and ("아시아", "place") not in surfaces
    assert kinds(mine_ko("한국 제주항공 사고 이후 제주항공 여객기가 멈췄다.")).get("제주") is None


def test_korean_era_of_a_kingdom_is_no_name():
    assert not kinds(mine_ko("고려시대를 대표하는 유물이 나왔다."))
    assert "개표 상황실" not in " ".join(kinds(mine_ko("당 개표 상황실을 찾았다.")))


def test_korean_action_after_a_term_is_no_part_of_it():
    ms = kinds(mine_ko("북한은 순항미사일 시험과 대량살상무기 개발을 이어 갔다."))
    assert ms["대량살상무기"] == "term" and "대량살상무기 개발" not in ms
    assert ms["순항미사일"] == "term"
    # one noun before the action makes no term
    assert "미사일" not in kinds(mine_ko("미사일 개발이 계속됐다."))


def test_korean_district_of_seoul_before_a_title_is_the_district():
    ms = kinds(mine_ko("마포구 의원들은 예산안을 통과시켰다."))
    assert ms["마포구"] == "place"
    # a person whose given name ends in 구 stays a person
    assert kinds(mine_ko("김영구 의원은 반대했다."))["김영구"] == "person"
    # the office of a district is still read whole
    assert kinds(mine_ko("서울 강남구청장은 말했다."))["강남구청장"] == "term"


def test_korean_dictionary_word_shaped_like_a_name_before_a_title_is_no_one():
    ms = kinds(mine_ko("유가족 대표 윤진우 씨가 발언했다."))
    assert ms["윤진우"] == "person" and ms.get("유가족") != "person"
    assert kinds(mine_ko("이재민 대표가 정부에 요청했다.")).get("이재민") != "person"


def test_korean_town_and_a_disaster_word_make_the_event():
    ms = kinds(mine_ko("포항 지진 피해 주민들이 임시 거처로 옮겼다."))
    assert ms["포항 지진"] == "event" and "포항" not in ms
    ms = kinds(mine_ko("강원 산불로 주민들이 대피했다. 강원 지역은 건조하다."))
    assert ms["강원 산불"] == "event" and ms["강원"] == "place"
    # a country and its election: the country stands alone, no event is named
    assert kinds(mine_ko("미국 대선 결과가 나왔다.")) == {"미국": "place"}


def test_korean_war_named_by_its_country_is_one_event():
    ms = kinds(mine_ko("베트남 전쟁 당시 한국군이 파병됐다."))
    assert ms["베트남 전쟁"] == "event"
    ms = kinds(mine_ko("이라크 침공 전쟁이 시작됐다. 이라크 국민들은 피란했다."))
    assert ms["이라크 침공 전쟁"] == "event" and ms["이라크"] == "place"


def test_korean_compound_held_as_one_word_is_a_term():
    # the analyser's dictionary holds 문화유산 as one word: 문화 + 유산 is still two
    assert kinds(mine_ko("유네스코는 그 사찰을 문화유산으로 지정했다."))["문화유산"] == "term"
    assert kinds(mine_ko("그 나라는 자유민주주의 체제를 지켜 왔다."))["자유민주주의 체제"] == "term"
    # a generic modifier makes no term: 기자 + 회견
    assert "기자회견" not in kinds(mine_ko("장관은 기자회견을 열었다."))


def test_korean_bill_written_onto_its_nouns_is_a_term():
    ms = mine_ko("야당은 불신임결의안을 냈다. 불신임안 표결은 내일이다. 최종안은 없었다.")
    keys = {m.surface: (m.kind, m.normalized) for m in ms}
    assert keys["불신임결의안"][0] == "term" and keys["불신임안"] == keys["불신임결의안"]
    assert "최종안" not in keys  # a generic word and 안 make no term
    # 안 spaced after a noun is "inside"
    assert not kinds(mine_ko("국회 안에서 논의했다."))


def test_korean_name_after_a_party_and_before_a_title_is_the_person():
    # 대 ends universities (서울대), and given names too
    ms = kinds(mine_ko("정의당 김한대 대표는 반대 의견을 냈다."))
    assert ms["김한대"] == "person" and ms["정의당"] == "org"
    ms = kinds(mine_ko("이준석 서울대 교수는 말했다."))
    assert ms["이준석"] == "person" and ms["서울대"] == "org"
    # a country and its institution before a title: 국무원 is no name of a person
    assert kinds(mine_ko("리창 중국 국무원 총리가 도착했다."))["국무원"] == "org"


def test_korean_name_before_a_former_title_is_a_person():
    # 현 ends Japanese prefectures (나라현), and given names too
    ms = kinds(mine_ko("검찰은 박정현 전 외교부 차관을 불러 조사했다."))
    assert ms["박정현"] == "person"


def test_korean_particle_kept_on_a_district_name_is_cut():
    ms = kinds(mine_ko("경기 수원시 영통구에 연구소를 세웠다."))
    assert ms.get("영통구") == "place" and "영통구에" not in ms


def test_korean_three_syllables_with_a_syllable_of_no_hanja_are_no_person():
    ms = kinds(mine_ko("미국 조지아주 서배너에 공장을 지었다."))
    assert ms.get("서배너") != "person"


def test_korean_letter_prefix_terms_and_glued_institution_names():
    # "K-" and a noun is one term, as K-pop is in English
    assert kinds(mine_ko("정부는 K-방역을 알렸다.")) == {"K-방역": "term"}
    # an institution's name is written as one long word ending in its head
    assert kinds(mine_ko("그는 국립한글박물관을 찾았다.")) == {"국립한글박물관": "facility"}
    assert kinds(mine_ko("한국교육과정평가원은 시험을 치렀다.")) == {"한국교육과정평가원": "org"}
    # a one-syllable head (사 of 조사) names nothing after common nouns
    assert kinds(mine_ko("방송사들은 당선예측조사를 발표했다.")) == {}


def test_korean_acronyms_apart_and_with_their_bracketed_names():
    found = kinds(mine_ko("IMF OECD 등이 백신 공동 구매 WHO 지원을 논의했다."))
    assert found["IMF"] == found["OECD"] == found["WHO"] == "org"
    assert "IMF OECD" not in found
    keys = {m.surface: m.normalized for m in mine_ko("IAEA(국제원자력기구) 사무총장이 방문했다.")}
    assert keys["IAEA"] == keys["국제원자력기구"]
    # an organisation that opens a longer name is a row of its own
    found = kinds(mine_ko("세계보건기구 동남아시아지역 사무처가 밝혔다."))
    assert found["세계보건기구 동남아시아지역 사무처"] == found["세계보건기구"] == "org"


def test_korean_system_and_medical_care_terms():
    found = kinds(mine_ko("정부는 공공의료 확충과 재난 감시체계 정비를 논의했다."))
    assert found["공공의료"] == found["재난 감시체계"] == "term"
    found = kinds(mine_ko("정부는 고용보험과 산재보험 제도를 고쳤다."))
    assert found["고용보험"] == found["산재보험"] == "term"


def test_korean_numbered_plans_and_their_short_titles():
    text = (
        "정부는 ‘제3차 국가균형발전 5개년 기본계획’을 세웠다. "
        "제3차 국가균형발전 기본계획은 지역을 돕는다."
    )
    found = {m.surface: (m.kind, m.normalized) for m in mine_ko(text)}
    long, short = found["제3차 국가균형발전 5개년 기본계획"], found["제3차 국가균형발전 기본계획"]
    assert long[0] == short[0] == "work"
    assert long[1] == short[1]
    # a numbered event keeps its reading
    assert kinds(mine_ko("제4차 핵실험을 했다.")) == {"제4차 핵실험": "event"}


def test_korean_languages_and_terms_written_onto_numbers_are_no_candidates():
    found = kinds(mine_ko("학생들은 한국어와 일본어, 중국어를 배운다."))
    assert not {"한국어", "일본어", "중국어"} & set(found)
    assert "대과제" not in kinds(mine_ko("정부는 청년정책 10대과제를 내놓았다."))


def test_korean_acronym_joins_the_korean_name_of_its_body():
    keys = {
        m.surface: m.normalized
        for m in mine_ko("IMF는 전망을 낮췄다. 국제통화기금의 보고서는 WHO 자료를 인용했다.")
    }
    assert keys["IMF"] == keys["국제통화기금"]
    assert keys["WHO"] != keys["IMF"]
