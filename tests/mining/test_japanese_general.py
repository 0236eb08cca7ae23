"""Japanese mining: general classes found on unseen dev texts (sentences written for
these tests, not taken from the corpus)."""

from __future__ import annotations

from glossary.mining.japanese import mine_text


def kinds(text: str) -> dict[str, str]:
    return {m.surface: m.kind for m in mine_text(text)}


def test_party_names_of_common_nouns_and_generic_party_words():
    ms = kinds("民主党と国民新党が連立を組み、与野党の協議では最大野党が反対した。")
    assert ms["民主党"] == "org" and ms["国民新党"] == "org"
    assert "与野党" not in ms and "最大野党" not in ms


def test_party_post_names_the_party_and_keeps_the_person_apart():
    ms = kinds("会見には二階幹事長と岸田自民党政調会長、谷垣自民党幹事長が出た。")
    assert ms["谷垣"] == "person"
    assert ms["自民党幹事長"] == "term"
    assert ms["自民党"] == "org"
    assert "谷垣自民" not in ms and "党幹事長" not in ms


def test_family_name_the_analyser_cut_into_characters_before_a_title():
    ms = kinds("記者団の前で二階幹事長が発言し、仁坂知事も同席した。")
    assert ms["二階"] == "person" and ms["仁坂"] == "person"
    assert "仁" not in ms


def test_numbered_events_keep_their_ordinal():
    ms = kinds(
        "第二次世界大戦の終結から80年、第5回日中韓サミットと第26回参議院議員通常選挙があった。"
    )
    assert ms["第二次世界大戦"] == "event"
    assert ms["第5回日中韓サミット"] == "event"
    assert ms["第26回参議院議員通常選挙"] == "event"
    assert ms["参議院"] == "org"  # the institution inside the election's name
    assert "中韓サミット" not in ms


def test_constitution_is_a_work():
    assert kinds("大韓民国憲法と日本国憲法を比べた。")["日本国憲法"] == "work"


def test_legal_form_before_an_organisation_name():
    ms = kinds("一般社団法人ジャパン・ミュージック協議会と株式会社ソニーが提携した。")
    assert ms["ジャパン・ミュージック協議会"] == "org"
    assert ms["一般社団法人"] == "term"
    assert ms["ソニー"] == "org"
    assert "ジャパン" not in ms


def test_katakana_everyday_words_listed_are_no_name():
    ms = kinds("地方にヒト・モノ・カネを呼び込み、ドナルド・トランプ大統領も視察した。")
    assert not any("ヒト" in s or s == "モノ" for s in ms)
    assert ms["ドナルド・トランプ"] == "person"


def test_region_disaster_and_weather_terms_and_the_residence():
    ms = kinds("梅雨前線の影響で九州地方に土砂災害の恐れがあり、官邸は警戒を強めた。")
    assert ms["九州地方"] == "place"
    assert ms["梅雨前線"] == "term" and ms["土砂災害"] == "term"
    assert ms["官邸"] == "org"


def test_the_people_of_a_compound_are_no_term_and_best_in_japan_is_no_place():
    ms = kinds("協力団体関係者が集まり、日本一の桜を眺めた。")
    assert not any(s.startswith("協力団体") for s in ms)
    assert "日本" not in ms


def test_diplomatic_corps_and_chamber_of_commerce():
    ms = kinds("在京外交団と東京商工会議所の代表が外務省飯倉公館に招かれた。")
    assert ms["在京外交団"] == "term"
    assert ms["東京商工会議所"] == "org"
    assert ms["外務省"] == "org" and ms["飯倉公館"] == "facility"


def test_parliamentary_vice_minister_is_a_portfolio_title():
    ms = kinds("山田外務大臣政務官が式典に出席した。")
    assert ms["外務大臣政務官"] == "term"
    assert ms["山田"] == "person"


def test_a_place_inside_a_name_is_a_row_only_where_it_also_stands_alone():
    assert "日本" not in kinds("日本銀行が利上げを決めた。")
    ms = kinds("日本銀行と日本政府が協議した。")
    assert ms["日本銀行"] == "org" and ms["日本"] == "place"


def test_county_after_its_prefecture_and_named_constituencies():
    ms = kinds("福島県双葉郡の住民と、ソウルの麻浦乙選挙区、5つの欠員選挙区。")
    assert ms["福島県"] == "place" and ms["双葉郡"] == "place"
    assert ms["麻浦乙選挙区"] == "place"
    assert "欠員選挙区" not in ms  # vacant seats: no constituency's name


def test_envoys_after_their_country_are_one_event():
    ms = kinds("朝鮮通信使の行列が再現された。")
    assert ms["朝鮮通信使"] == "event"
    assert "朝鮮通信" not in ms and "朝鮮" not in ms


def test_listed_institution_the_analyser_cuts_stays_whole_before_a_title():
    ms = kinds("青瓦台報道官と青瓦台国家安保室長が会見した。")
    assert ms["青瓦台"] == "org"
    assert ms["国家安保室長"] == "term"
    assert "青瓦" not in ms


def test_short_form_of_the_new_coronavirus_is_a_term():
    assert kinds("新型コロナの流行が続いた。")["新型コロナ"] == "term"


def test_names_in_quotation_brackets():
    ms = kinds(
        "県は「ふるさと未来基金」を設け、「水と緑の国づくり計画(みどり計画)」を発表した。"
        "知事は「本当に良かった」と述べ、「一つの経済圏」を目指すとした。"
    )
    assert ms["ふるさと未来基金"] == "org"  # the kind of its head word
    assert ms["水と緑の国づくり計画"] == "work"
    assert ms["みどり計画"] == "work"  # its short name in round brackets
    assert "本当に良かった" not in ms and "一つの経済圏" not in ms
    m = {x.surface: x for x in mine_text("「水と緑の国づくり計画(みどり計画)」を読む。")}
    assert m["みどり計画"].normalized == m["水と緑の国づくり計画"].normalized


def test_a_time_word_ends_a_numbered_event_and_cabinet_meetings_are_terms():
    ms = kinds("第5回全国大会以来の規模で、定例閣議と臨時閣議が開かれた。")
    assert ms["第5回全国大会"] == "event" and "第5回全国大会以来" not in ms
    assert ms["臨時閣議"] == "term" and ms["定例閣議"] == "term"


def test_groups_are_no_term_head():
    ms = kinds("支援団体と市民団体の代表が集まった。")
    assert "支援団体" not in ms and "市民団体" not in ms


def test_an_everyday_katakana_word_unknown_to_the_analyser_is_no_name():
    ms = kinds("若者はスマホで情報を得ており、ゼレンスキー大統領の演説も見た。")
    assert "スマホ" not in ms
    assert ms["ゼレンスキー"] == "person"


def test_a_kanji_with_a_variation_selector_is_one_family_name():
    ms = kinds("挨拶する辻\U000e0100副大臣")
    assert ms["辻\U000e0100"] == "person"


def test_a_quoted_name_before_the_noun_it_names_may_end_in_a_particle():
    ms = kinds("県は「未来へ」事業と「世界を知ろう」を進め、「日本を世界へ」プロジェクトも始めた。")
    assert ms["未来へ"] == "work" and ms["日本を世界へ"] == "work"
    assert "世界を知ろう" not in ms  # a verb inside


def test_a_clipped_katakana_term_is_the_same_term():
    text = "新型コロナウイルスの流行が続き、観光業は新型コロナの影響を受けた。"
    ms = {m.surface: m for m in mine_text(text)}
    assert ms["新型コロナ"].normalized == ms["新型コロナウイルス"].normalized


def test_a_reading_with_a_space_after_a_korean_name():
    ms = {m.surface: m for m in mine_text("金英男(キム・ヨン ナム)氏が来日した。")}
    assert ms["キム・ヨン ナム"].normalized == ms["金英男"].normalized
    assert "キム・ヨン" not in ms


def test_prizes_and_their_ceremonies():
    ms = kinds("県民文化賞授賞式が開かれ、ノーベル平和賞の話も出た。")
    assert ms["県民文化賞授賞式"] == "event"
    assert ms["ノーベル平和賞"] == "work"


def test_laws_ending_in_ho_are_works_but_not_generic_law_words():
    ms = kinds("個人情報保護法と公職選挙法を改正し、国際法と新しい方法を論じた。")
    assert ms["個人情報保護法"] == "work" and ms["公職選挙法"] == "work"
    assert "国際法" not in ms and "新しい方法" not in ms and "方法" not in ms


def test_a_kind_word_begins_a_katakana_name():
    ms = kinds("両首脳はキャンプ・デービッドで会い、ジョン・スミス氏も同席した。")
    assert ms["キャンプ・デービッド"] == "facility"
    assert ms["ジョン・スミス"] == "person"


def test_the_subject_before_ni_kansuru_belongs_to_a_documents_name():
    ms = kinds(
        "気候変動に関する国際連合枠組条約と、漁業に関する日韓協定を論じ、人権に関する議論もした。"
    )
    assert ms["気候変動に関する国際連合枠組条約"] == "work"
    assert ms["漁業に関する日韓協定"] == "work"
    assert not any(s.startswith("人権に関する") for s in ms)  # 議論 names no document


def test_relations_of_trust_and_friendship_are_no_terms():
    ms = kinds("両国は信頼関係と友好関係を深め、安全保障協力とシャトル外交を進めた。")
    assert "信頼関係" not in ms and "友好関係" not in ms
    assert ms["安全保障協力"] == "term" and ms["シャトル外交"] == "term"


def test_a_place_said_without_its_ending_and_the_same_prefecture():
    ms = kinds("被害は輪島市と珠洲市に集中し、輪島、珠洲の両市と同県白山市が支援した。")
    assert ms["輪島"] == "place" and ms["白山市"] == "place"
    assert "同県白山市" not in ms
    assert kinds("輪島大臣は述べた。")["輪島"] == "person"  # a title: a person


def test_two_parties_in_a_row_are_listed_and_a_system_is_a_term():
    ms = kinds("自民党公明党の連立と議院内閣制、国連安保理の決定。")
    assert ms["自民党"] == "org" and ms["公明党"] == "org"
    assert "自民党公明党" not in ms
    assert ms["国連安保理"] == "org"  # the UN's council, one body
    assert ms["議院内閣制"] == "term" and "議院内閣" not in ms


def test_former_after_a_family_name_and_a_kana_adverb_before_a_title():
    ms = kinds("会見のあと森防災担当大臣が説明し、遊説中の安倍元総理にも触れた。")
    assert ms["安倍"] == "person" and "安倍元" not in ms
    assert ms["森"] == "person" and ms["防災担当大臣"] == "term"
    assert not any(s.startswith("あと") for s in ms)


def test_ministries_in_general_are_no_organisation():
    ms = kinds("関係省庁と中央省庁が連携し、外務省も加わった。")
    assert "関係省庁" not in ms and "中央省庁" not in ms
    assert ms["外務省"] == "org"


def test_plural_acronym_and_the_most_important_issue():
    ms = kinds("持続可能な開発目標(SDGs)は政府の最重要課題で、最先端技術も使う。")
    assert "SDGs" in ms
    assert "最重要課題" not in ms
    assert ms["最先端技術"] == "term"


def test_a_place_in_a_dictionary_word_is_no_place():
    ms = kinds("日本酒と日本語を学び、日本海を渡り、日本国憲法を読んだ。")
    assert "日本" not in ms
    assert ms["日本海"] == "place" and ms["日本国憲法"] == "work"


def test_a_prefectural_assembly_post_and_a_named_plan():
    ms = kinds("佐藤一郎県議会議長と、福島イノベーション・コースト構想。")
    assert ms["佐藤一郎"] == "person"
    assert ms["県議会議長"] == "term"
    assert ms["福島イノベーション・コースト構想"] == "work"


def test_governments_are_no_term():
    ms = kinds("外国政府と日本政府が協議し、官民連携を進めた。")
    assert "外国政府" not in ms and "日本政府" not in ms
    assert ms["官民連携"] == "term"


def test_numbered_sites_and_companies():
    ms = kinds("東海第二原発の審査が続き、東京電力と吉本興業も会見した。")
    assert ms["東海第二原発"] == "facility"
    assert ms["東京電力"] == "org" and ms["吉本興業"] == "org"
    assert "吉本" not in ms


def test_a_full_name_written_onto_an_institution_ends_before_it():
    # sentences written for this test: a panel list with each person's post glued on
    k = kinds("パネリスト:・マリア・ロペス韓国外交部参事官")
    assert k.get("マリア・ロペス") == "person"
    assert k.get("韓国外交部") == "org"
    assert "マリア・ロペス韓国外交部" not in k
    k = kinds("・山田太郎ICC被害者信託基金理事")
    assert k.get("山田太郎") == "person"
    assert k.get("ICC被害者信託基金") == "org"
    k = kinds("・ジョン・スミス元韓国国家戦略問題研究所研究員")
    assert k.get("ジョン・スミス") == "person"
    assert not any("スミス元" in s for s in k)  # 元 (former) begins the past post


def test_a_katakana_venue_after_its_town_and_graduate_schools():
    k = kinds("会合は千代田区サントリーホールで開かれた。")
    assert k.get("サントリーホール") == "facility"
    assert k.get("千代田区") == "place"
    k = kinds("京都大学大学院法学研究科の調査によると")
    assert k.get("京都大学大学院法学研究科") == "org"
    assert k.get("京都大学") == "org"


def test_health_and_heritage_compounds_are_terms_and_a_list_ends_at_nado():
    k = kinds("季節性インフルエンザのワクチン接種は、高血圧等基礎疾患のある人から始める。")
    assert k.get("季節性インフルエンザ") == "term"
    assert k.get("ワクチン接種") == "term"
    assert k.get("基礎疾患") == "term"
    assert "高血圧等基礎疾患" not in k
    assert kinds("その寺は世界文化遺産に登録された。").get("世界文化遺産") == "term"
    assert "インフルエンザ" not in kinds("インフルエンザが流行した。")  # a head alone


def test_two_places_joined_by_a_dot_are_two_names():
    k = kinds("式典は大阪・中之島で開かれた。")
    assert k.get("大阪") == "place" and k.get("中之島") == "place"
    assert "大阪・中之島" not in k


def test_an_envoys_title_keeps_the_place_it_names_and_a_university_before_a_job():
    k = kinds("北朝鮮人権担当大使が来日した。")
    assert k.get("北朝鮮人権担当大使") == "term"
    k = kinds("京都大学教授の話では")
    assert k.get("京都大学") == "org"
    assert "京都" not in k  # no person before the title


def test_dispatch_dissolution_system_balance_and_missions_abroad_head_terms():
    k = kinds("知事は災害派遣を要請し、郵政解散の後に期日前投票制度を使った。")
    assert k.get("災害派遣") == "term"
    assert k.get("郵政解散") == "term"
    assert k.get("期日前投票制度") == "term"
    k = kinds("在外公館の窓口で外貨準備残高を説明した。")
    assert k.get("在外公館") == "term"
    assert k.get("外貨準備残高") == "term"
    assert "制度" not in kinds("この制度は古い。")  # a head alone is no term


def test_a_relation_word_with_an_agreements_acronym_is_the_agreement():
    k = kinds("両国は日中韓FTA交渉の再開で一致した。")
    assert k.get("日中韓FTA") == "work"
    assert "日米" in kinds("日米のGDPを比べた。") and "日米GDP" not in kinds("日米のGDPを比べた。")


def test_an_institution_with_a_domain_head_written_on_it_is_a_term():
    k = kinds("首相は参議院解散はないと述べ、国連制裁の効果を問われた。")
    assert k.get("国連制裁") == "term" and k.get("国連") == "org"
    assert k.get("参議院解散") == "term"
    k = kinds("国連制裁委員会が開かれた。")
    assert "国連制裁" not in k  # the compound goes on


def test_an_organisation_before_its_facility_names_the_same_facility():
    ms = mine_text("夕食会は外務省飯倉公館で開かれ、飯倉公館の庭も公開された。")
    keys = {m.surface: (m.kind, m.normalized) for m in ms}
    assert keys["外務省"][0] == "org"
    assert keys["飯倉公館"][0] == "facility"
    assert keys["外務省飯倉公館"] == ("facility", keys["飯倉公館"][1])


def test_a_world_or_international_day_is_an_event():
    k = kinds("市は世界難民の日に合わせて催しを開き、国際会議の日程も決めた。")
    assert k.get("世界難民の日") == "event"
    assert not any(s.endswith("の日程") for s in k)


def test_an_events_or_a_works_reading_in_brackets_is_the_same_name():
    ms = mine_text("第3回日中韓サミット(だい3かいにっちゅうかんさみっと)が開かれた。")
    by = {m.surface: m for m in ms}
    reading = by["だい3かいにっちゅうかんさみっと"]
    assert reading.kind == "event"
    assert reading.normalized == by["第3回日中韓サミット"].normalized
    ms = mine_text("日韓基本条約(にっかんきほんじょうやく)が結ばれた。")
    by = {m.surface: m for m in ms}
    assert by["にっかんきほんじょうやく"].normalized == by["日韓基本条約"].normalized


def test_a_rapporteurs_title_keeps_its_country_and_the_body_that_appoints_to_it():
    k = kinds("国連ミャンマー人権状況特別報告者が来日した。")
    assert k.get("国連ミャンマー人権状況特別報告者") == "term"
    assert k.get("国連") == "org"
    assert "人権状況特別報告者" not in k


def test_a_kind_word_before_katakana_without_a_dot_begins_the_name():
    k = kinds("両首脳はホテルニューオータニで会い、夜はキャンプファイヤーを囲んだ。")
    assert k.get("ホテルニューオータニ") == "facility"
    assert not any("ファイヤー" in s for s in k)  # a loanword, no name
    assert kinds("会談はキャンプデービッドで開かれた。").get("キャンプデービッド") == "facility"
