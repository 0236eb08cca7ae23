"""Strict Revised Romanization of Korean (glossary.lang.ko.romanize).

Every row names its source. "RR" is 국어의 로마자 표기법 (문화관광부 고시 제2000-8호,
2000-07-07); "SP" is 표준 발음법 (Standard Pronunciation rules, 1988), whose bracketed
pronunciation RR writes. Official romanizations of real places are those the place's
government or the operator of the named station, site or road uses.
"""

from __future__ import annotations

import pytest

from glossary.errors import InvalidValue
from glossary.lang.ko import is_administrative, romanize, romanize_entry, transliterate
from glossary.lang.ko.romanize import road_form

# (hangul, strict RR, source) — RR 2000's own examples, as proper nouns (capitalised)
RR_PROPER_EXAMPLES = [
    # ch.2 art.1 note 1: ㅢ is ui even when pronounced ㅣ
    ("광희문", "Gwanghuimun", "RR ch.2 art.1 note 1"),
    # ch.2 art.2 note 1: ㄱ ㄷ ㅂ are g d b before a vowel, k t p before a consonant or at the end
    ("구미", "Gumi", "RR ch.2 art.2 note 1"),
    ("영동", "Yeongdong", "RR ch.2 art.2 note 1"),
    ("백암", "Baegam", "RR ch.2 art.2 note 1"),
    ("옥천", "Okcheon", "RR ch.2 art.2 note 1"),
    ("합덕", "Hapdeok", "RR ch.2 art.2 note 1"),
    ("호법", "Hobeop", "RR ch.2 art.2 note 1"),
    ("월곶", "Wolgot", "RR ch.2 art.2 note 1: 월곶 [월곧]"),
    ("한밭", "Hanbat", "RR ch.2 art.2 note 1: 한밭 [한받]"),
    # ch.2 art.2 note 2: ㄹ is r before a vowel, l before a consonant or at the end; ㄹㄹ is ll
    ("구리", "Guri", "RR ch.2 art.2 note 2"),
    ("설악", "Seorak", "RR ch.2 art.2 note 2"),
    ("칠곡", "Chilgok", "RR ch.2 art.2 note 2"),
    ("임실", "Imsil", "RR ch.2 art.2 note 2"),
    ("울릉", "Ulleung", "RR ch.2 art.2 note 2"),
    ("대관령", "Daegwallyeong", "RR ch.2 art.2 note 2: 대관령 [대괄령]"),
    # ch.3 art.1 item 1: assimilation between consonants
    ("백마", "Baengma", "RR ch.3 art.1 item 1: 백마 [뱅마]"),
    ("신문로", "Sinmunno", "RR ch.3 art.1 item 1: 신문로 [신문노]"),
    ("종로", "Jongno", "RR ch.3 art.1 item 1: 종로 [종노]"),
    ("왕십리", "Wangsimni", "RR ch.3 art.1 item 1: 왕십리 [왕심니]"),
    ("별내", "Byeollae", "RR ch.3 art.1 item 1: 별내 [별래]"),
    ("신라", "Silla", "RR ch.3 art.1 item 1: 신라 [실라]"),
    # ch.3 art.1 item 2: ㄴ or ㄹ added
    ("학여울", "Hangnyeoul", "RR ch.3 art.1 item 2: 학여울 [항녀울]"),
    # ch.3 art.1 item 4 다만: in nouns ㅎ after ㄱ ㄷ ㅂ is written
    ("묵호", "Mukho", "RR ch.3 art.1 item 4 다만"),
    ("집현전", "Jiphyeonjeon", "RR ch.3 art.1 item 4 다만"),
    # ch.3 art.1 붙임: tensification is not written
    ("압구정", "Apgujeong", "RR ch.3 art.1 붙임"),
    ("낙동강", "Nakdonggang", "RR ch.3 art.1 붙임"),
    ("죽변", "Jukbyeon", "RR ch.3 art.1 붙임"),
    ("낙성대", "Nakseongdae", "RR ch.3 art.1 붙임"),
    ("합정", "Hapjeong", "RR ch.3 art.1 붙임"),
    ("팔당", "Paldang", "RR ch.3 art.1 붙임"),
    ("울산", "Ulsan", "RR ch.3 art.1 붙임"),
    # ch.3 art.3: proper nouns start with a capital
    ("부산", "Busan", "RR ch.3 art.3"),
    ("세종", "Sejong", "RR ch.3 art.3"),
    # ch.3 art.6: natural features, cultural properties, structures: no hyphen
    ("남산", "Namsan", "RR ch.3 art.6"),
    ("속리산", "Songnisan", "RR ch.3 art.6"),
    ("금강", "Geumgang", "RR ch.3 art.6"),
    ("독도", "Dokdo", "RR ch.3 art.6"),
    ("경복궁", "Gyeongbokgung", "RR ch.3 art.6"),
    ("무량수전", "Muryangsujeon", "RR ch.3 art.6"),
    ("연화교", "Yeonhwagyo", "RR ch.3 art.6"),
    ("극락전", "Geungnakjeon", "RR ch.3 art.6"),
    ("안압지", "Anapji", "RR ch.3 art.6"),
    ("남한산성", "Namhansanseong", "RR ch.3 art.6"),
    ("화랑대", "Hwarangdae", "RR ch.3 art.6"),
    ("불국사", "Bulguksa", "RR ch.3 art.6"),
    ("현충사", "Hyeonchungsa", "RR ch.3 art.6"),
    ("독립문", "Dongnimmun", "RR ch.3 art.6"),
    ("오죽헌", "Ojukheon", "RR ch.3 art.6"),
    ("촉석루", "Chokseongnu", "RR ch.3 art.6"),
    ("종묘", "Jongmyo", "RR ch.3 art.6"),
    ("다보탑", "Dabotap", "RR ch.3 art.6"),
]

# RR 2000's examples of common words (lowercase)
RR_TERM_EXAMPLES = [
    ("벚꽃", "beotkkot", "RR ch.2 art.2 note 1: 벚꽃 [벋꼳]"),
    ("알약", "allyak", "RR ch.3 art.1 item 2: 알약 [알략]"),
    ("해돋이", "haedoji", "RR ch.3 art.1 item 3: 해돋이 [해도지]"),
    ("같이", "gachi", "RR ch.3 art.1 item 3: 같이 [가치]"),
    ("굳히다", "guchida", "RR ch.3 art.1 item 3: 굳히다 [구치다]"),
    ("좋고", "joko", "RR ch.3 art.1 item 4: 좋고 [조코]"),
    ("놓다", "nota", "RR ch.3 art.1 item 4: 놓다 [노타]"),
    ("잡혀", "japyeo", "RR ch.3 art.1 item 4: 잡혀 [자펴]"),
    ("낳지", "nachi", "RR ch.3 art.1 item 4: 낳지 [나치]"),
    ("샛별", "saetbyeol", "RR ch.3 art.1 붙임"),
]

# RR art.2: a hyphen MAY mark a confusable syllable boundary (hyphen=True)
RR_HYPHEN_EXAMPLES = [
    ("중앙", "Jung-ang", "Jungang", "RR ch.3 art.2"),
    ("반구대", "Ban-gudae", "Bangudae", "RR ch.3 art.2"),
    ("세운", "Se-un", "Seun", "RR ch.3 art.2"),
    ("해운대", "Hae-undae", "Haeundae", "RR ch.3 art.2; Busan's Haeundae-gu omits it"),
]

# RR art.4: persons (hyphen=False form, hyphen=True form)
RR_PERSON_EXAMPLES = [
    ("민용하", "Min Yongha", "Min Yong-ha", "RR ch.3 art.4"),
    ("송나리", "Song Nari", "Song Na-ri", "RR ch.3 art.4"),
    ("한복남", "Han Boknam", "Han Bok-nam", "RR ch.3 art.4 (1): no sound change in names"),
    ("홍빛나", "Hong Bitna", "Hong Bit-na", "RR ch.3 art.4 (1): no sound change in names"),
]

# RR art.5: administrative units after a hyphen, no sound change across it
RR_UNIT_EXAMPLES = [
    ("충청북도", "Chungcheongbuk-do", "RR ch.3 art.5"),
    ("제주도", "Jeju-do", "RR ch.3 art.5"),
    ("의정부시", "Uijeongbu-si", "RR ch.3 art.5"),
    ("양주군", "Yangju-gun", "RR ch.3 art.5"),
    ("도봉구", "Dobong-gu", "RR ch.3 art.5"),
    ("신창읍", "Sinchang-eup", "RR ch.3 art.5"),
    ("삼죽면", "Samjuk-myeon", "RR ch.3 art.5"),
    ("인왕리", "Inwang-ri", "RR ch.3 art.5"),
    ("당산동", "Dangsan-dong", "RR ch.3 art.5"),
    ("봉천1동", "Bongcheon 1(il)-dong", "RR ch.3 art.5"),
    ("종로 2가", "Jongno 2(i)-ga", "RR ch.3 art.5"),
    ("퇴계로 3가", "Toegyero 3(sam)-ga", "RR ch.3 art.5"),
]

# Real places: the official romanization their governments or operators use (all RR)
OFFICIAL_PLACES = [
    ("서울", "Seoul", "Seoul Metropolitan Government"),
    ("대구", "Daegu", "Daegu Metropolitan City"),
    ("인천", "Incheon", "Incheon Metropolitan City"),
    ("광주", "Gwangju", "Gwangju Metropolitan City"),
    ("대전", "Daejeon", "Daejeon Metropolitan City"),
    ("수원", "Suwon", "Suwon city"),
    ("성남", "Seongnam", "Seongnam city"),
    ("고양", "Goyang", "Goyang city"),
    ("용인", "Yongin", "Yongin city"),
    ("부천", "Bucheon", "Bucheon city"),
    ("안산", "Ansan", "Ansan city"),
    ("안양", "Anyang", "Anyang city"),
    ("남양주", "Namyangju", "Namyangju city"),
    ("화성", "Hwaseong", "Hwaseong city"),
    ("평택", "Pyeongtaek", "Pyeongtaek city"),
    ("의정부", "Uijeongbu", "Uijeongbu city"),
    ("시흥", "Siheung", "Siheung city"),
    ("파주", "Paju", "Paju city"),
    ("김포", "Gimpo", "Gimpo city"),
    ("광명", "Gwangmyeong", "Gwangmyeong city"),
    ("하남", "Hanam", "Hanam city"),
    ("이천", "Icheon", "Icheon city"),
    ("과천", "Gwacheon", "Gwacheon city"),
    ("동두천", "Dongducheon", "Dongducheon city"),
    ("가평", "Gapyeong", "Gapyeong county"),
    ("춘천", "Chuncheon", "Chuncheon city"),
    ("원주", "Wonju", "Wonju city"),
    ("강릉", "Gangneung", "Gangneung city; SP 제19항: 강릉 [강능]"),
    ("속초", "Sokcho", "Sokcho city"),
    ("삼척", "Samcheok", "Samcheok city"),
    ("청주", "Cheongju", "Cheongju city (RR ch.3 art.5 붙임 example)"),
    ("충주", "Chungju", "Chungju city"),
    ("천안", "Cheonan", "Cheonan city"),
    ("공주", "Gongju", "Gongju city"),
    ("보령", "Boryeong", "Boryeong city"),
    ("논산", "Nonsan", "Nonsan city"),
    ("계룡", "Gyeryong", "Gyeryong city"),
    ("당진", "Dangjin", "Dangjin city"),
    ("전주", "Jeonju", "Jeonju city"),
    ("군산", "Gunsan", "Gunsan city"),
    ("익산", "Iksan", "Iksan city"),
    ("정읍", "Jeongeup", "Jeongeup city"),
    ("남원", "Namwon", "Namwon city"),
    ("목포", "Mokpo", "Mokpo city"),
    ("여수", "Yeosu", "Yeosu city"),
    ("순천", "Suncheon", "Suncheon city"),
    ("광양", "Gwangyang", "Gwangyang city"),
    ("포항", "Pohang", "Pohang city"),
    ("경주", "Gyeongju", "Gyeongju city"),
    ("김천", "Gimcheon", "Gimcheon city"),
    ("안동", "Andong", "Andong city"),
    ("영주", "Yeongju", "Yeongju city"),
    ("상주", "Sangju", "Sangju city"),
    ("문경", "Mungyeong", "Mungyeong city"),
    ("경산", "Gyeongsan", "Gyeongsan city"),
    ("창원", "Changwon", "Changwon city"),
    ("진주", "Jinju", "Jinju city"),
    ("통영", "Tongyeong", "Tongyeong city"),
    ("김해", "Gimhae", "Gimhae city"),
    ("밀양", "Miryang", "Miryang city"),
    ("거제", "Geoje", "Geoje city"),
    ("양산", "Yangsan", "Yangsan city"),
    ("제주", "Jeju", "Jeju city"),
    ("서귀포", "Seogwipo", "Seogwipo city"),
    ("여의도", "Yeouido", "Seoul Metro station Yeouido (an island name, not a province)"),
    ("울릉도", "Ulleungdo", "Ulleung county: the island Ulleungdo"),
    ("잠실", "Jamsil", "Seoul Metro station Jamsil"),
    ("을지로", "Euljiro", "Seoul road and station name Euljiro"),
    ("충무로", "Chungmuro", "Seoul Metro station Chungmuro"),
    ("신촌", "Sinchon", "Seoul Metro station Sinchon"),
    ("신림", "Sillim", "Seoul Metro station Sillim"),
    ("선릉", "Seolleung", "Seoul Metro station Seolleung"),
    ("이태원", "Itaewon", "Seoul Metro station Itaewon"),
    ("동대문", "Dongdaemun", "Seoul Metro station Dongdaemun"),
    ("광화문", "Gwanghwamun", "Seoul Metro station Gwanghwamun"),
    ("청량리", "Cheongnyangni", "Seoul Metro station Cheongnyangni"),
    ("광안리", "Gwangalli", "Busan: Gwangalli Beach"),
    ("동대구", "Dongdaegu", "Korail station Dongdaegu"),
    ("판문점", "Panmunjeom", "Ministry of Unification: Panmunjeom"),
    ("개성", "Gaeseong", "RR of the city 개성"),
    ("평양", "Pyeongyang", "RR of the city 평양"),
    ("신의주", "Sinuiju", "RR of the city 신의주"),
    ("백두산", "Baekdusan", "RR of the mountain 백두산"),
    ("한라산", "Hallasan", "Hallasan National Park; SP 제20항"),
    ("설악산", "Seoraksan", "Seoraksan National Park"),
    ("지리산", "Jirisan", "Jirisan National Park"),
    ("북한산", "Bukhansan", "Bukhansan National Park (noun: ㄱ+ㅎ written kh)"),
    ("한강", "Hangang", "Seoul: Hangang River"),
    ("임진강", "Imjingang", "RR of the river 임진강"),
    ("압록강", "Amnokgang", "RR of the river 압록강 [암녹깡]"),
    ("덕수궁", "Deoksugung", "Cultural Heritage Administration: Deoksugung"),
    ("창덕궁", "Changdeokgung", "Cultural Heritage Administration: Changdeokgung"),
    ("창경궁", "Changgyeonggung", "Cultural Heritage Administration: Changgyeonggung"),
    ("경희궁", "Gyeonghuigung", "Cultural Heritage Administration: Gyeonghuigung"),
    ("석굴암", "Seokguram", "Cultural Heritage Administration: Seokguram"),
    ("해인사", "Haeinsa", "Cultural Heritage Administration: Haeinsa"),
    ("첨성대", "Cheomseongdae", "Cultural Heritage Administration: Cheomseongdae"),
    ("숭례문", "Sungnyemun", "Cultural Heritage Administration: Sungnyemun [숭녜문]"),
    ("흥인지문", "Heunginjimun", "Cultural Heritage Administration: Heunginjimun"),
    ("광한루", "Gwanghallu", "Namwon: Gwanghallu; SP 제20항: 광한루 [광ː할루]"),
    ("청계천", "Cheonggyecheon", "Seoul: Cheonggyecheon"),
    ("청와대", "Cheongwadae", "Cheongwadae (the former presidential office)"),
    ("경상북도", "Gyeongsangbuk-do", "North Gyeongsang Province"),
    ("경기도", "Gyeonggi-do", "Gyeonggi Province"),
    ("전라남도", "Jeollanam-do", "South Jeolla Province"),
    ("중구", "Jung-gu", "Jung-gu (Seoul and other cities)"),
    ("종로구", "Jongno-gu", "Jongno-gu, Seoul"),
    ("강남구", "Gangnam-gu", "Gangnam-gu, Seoul"),
    ("해운대구", "Haeundae-gu", "Haeundae-gu, Busan"),
    ("인사동", "Insa-dong", "Insa-dong, Seoul"),
    ("풍계리", "Punggye-ri", "Punggye-ri (North Korea), RR as used by Yonhap"),
    ("서울특별시", "Seoul-teukbyeolsi", "RR of the full name 서울특별시"),
    ("부산광역시", "Busan-gwangyeoksi", "RR of the full name 부산광역시"),
    ("세종특별자치시", "Sejong-teukbyeoljachisi", "RR of the full name 세종특별자치시"),
    ("경상북도 경주시", "Gyeongsangbuk-do Gyeongju-si", "RR ch.3 art.5, word by word"),
]

# Issue 21 (a): nouns that end in a unit syllable are words, not stem + unit 리 / 구 / 시
UNIT_LOOKALIKES = [
    (
        "미아사거리",
        "Miasageori",
        "Seoul Metro Line 4 station 416 sign Miasageori (사거리 'crossroads')",
    ),
    ("굽은다리", "Gubeundari", "Seoul Metro Line 5 station sign Gubeundari (다리 'bridge')"),
    ("답십리", "Dapsimni", "Seoul Metro Line 5 station sign Dapsimni (십리 'ten li'): [답씸니]"),
    ("상왕십리", "Sangwangsimni", "Seoul Metro Line 2 station 207 sign Sangwangsimni"),
    ("사거리", "Sageori", "표준국어대사전 사거리 'crossroads': a word, RR ch.3 art.6"),
    ("네거리", "Negeori", "표준국어대사전 네거리 'crossroads': a word, RR ch.3 art.6"),
    ("오거리", "Ogeori", "표준국어대사전 오거리 'five-way junction': a word, RR ch.3 art.6"),
    (
        "을지로입구",
        "Euljiroipgu",
        "표준국어대사전 입구 'entrance': not the unit 구 (RR ch.3 art.5)",
    ),
    ("신도시", "Sindosi", "표준국어대사전 도시 'city': 신도시 'new town', not the unit 시"),
]

# Issue 21 (b): 동 as the unit after a one-syllable stem (data/short_stem_units.tsv), and
# names that only look like stem + 동
SEOUL_DONG = [
    ("명동", "Myeong-dong", "Seoul Metro Line 4 station 424 sign Myeong-dong; RR ch.3 art.5"),
    ("창동", "Chang-dong", "Seoul Metro Line 1/4 station sign Chang-dong; RR ch.3 art.5"),
    ("목동", "Mok-dong", "Seoul Metro Line 5 station sign Mok-dong; RR ch.3 art.5"),
    ("길동", "Gil-dong", "Seoul Metro Line 5 station sign Gil-dong; RR ch.3 art.5"),
    ("상일동", "Sangil-dong", "Seoul Metro Line 5 terminus sign Sangil-dong; RR ch.3 art.5"),
    ("신설동", "Sinseol-dong", "Seoul Metro Line 1/2 station sign Sinseol-dong; RR ch.3 art.5"),
    ("신목동", "Sinmokdong", "Seoul Line 9 station 911 sign Sinmokdong: a station, not a dong"),
    (
        "청량리동",
        "Cheongnyangni-dong",
        "the dong 청량리동 (Dongdaemun-gu): whole name + unit, art.5",
    ),
    ("목1동", "Mok 1(il)-dong", "RR ch.3 art.5: number with its reading before the unit"),
]

# Issue 21 (c): road-name addresses, by the Ministry of the Interior's road-name rules
# (행정자치부 2007-12-11: 대로 -daero, 로 -ro, 길 -gil after a hyphen, no sound change across
# it); branch roads N길 "N-gil", N번길 "Nbeon-gil", as in the official English addresses
MOIS = "MOIS road-name romanization (행정자치부 2007-12-11)"
ROAD_NAMES = [
    ("세종대로", "Sejong-daero", MOIS + " example: 세종대로 Sejong-daero"),
    ("강남대로", "Gangnam-daero", MOIS + " example: 강남대로 Gangnamdaero -> Gangnam-daero"),
    ("영동대로", "Yeongdong-daero", MOIS + "; road sign Yeongdong-daero (Blvd)"),
    ("흥천사길", "Heungcheonsa-gil", MOIS + " example: 흥천사길 Heungcheonsa-gil"),
    ("주시경길", "Jusigyeong-gil", MOIS + "; road sign Jusigyeong-gil (Rd)"),
    ("한강대로23길", "Hangang-daero 23-gil", "address 한강대로23길 55: 55 Hangang-daero 23-gil"),
    ("한강대로 23길", "Hangang-daero 23-gil", "the same address written with a space"),
    ("성남대로2번길", "Seongnam-daero 2beon-gil", "MOIS 번길 rule: N번길 written Nbeon-gil"),
    ("만석로19번길", "Manseok-ro 19beon-gil", "Suwon address 만석로19번길: Manseok-ro 19beon-gil"),
    ("인주대로224번길", "Inju-daero 224beon-gil", "Incheon address: Inju-daero 224beon-gil"),
    ("부산대학로63번길", "Busandaehak-ro 63beon-gil", "Busan address: Busandaehak-ro 63beon-gil"),
    ("달맞이길62번길", "Dalmaji-gil 62beon-gil", "Busan address: Dalmaji-gil 62beon-gil"),
    ("테헤란로 517", "Teheran-ro 517", "address 테헤란로 517: 517, Teheran-ro (building number)"),
    ("강남대로 396", "Gangnam-daero 396", "address 강남대로 396: 396 Gangnam-daero"),
]

# A road name alone that is also a district or station name keeps that name's RR
# spelling as strict; road_form gives the road (MOIS example 종로 Jong-ro)
ROAD_FORMS = [
    ("종로", "Jongno", "Jong-ro", "RR ch.3 art.1 example Jongno; " + MOIS + " example Jong-ro"),
    ("세종로", "Sejongno", "Sejong-ro", MOIS + ": 세종로 Sejongno -> Sejong-ro"),
    ("중앙로", "Jungangno", "Jungang-ro", MOIS + "; road sign Jungang-ro (St)"),
    ("을지로", "Euljiro", "Eulji-ro", "station Euljiro; road Eulji-ro (" + MOIS + ")"),
]

# Issue 21 (d): palatalisation only where SP 제17항 applies (ㄷ ㅌ before the ㅣ of a
# particle or suffix; ㄷ + suffix 히), and not where 이 starts a word of its own
PALATALISATION = [
    ("곧이듣다", "gojideutda", "SP 제17항 example: 곧이듣다 [고지듣따]"),
    ("땀받이", "ttambaji", "SP 제17항 example: 땀받이 [땀바지]"),
    ("벼훑이", "byeohulchi", "SP 제17항 example: 벼훑이 [벼훌치]"),
    ("밭이다", "bachida", "SP 제17항 해설: 밭이다 [바치다] (copula)"),
    ("밭입니다", "bachimnida", "SP 제17항 해설: 밭입니다 [바침니다]"),
    ("낱낱이", "nannachi", "SP 제17항 해설: 낱낱이 [난ː나치]"),
    ("훑이다", "hulchida", "SP 제17항 해설: 훑이다 [훌치다]"),
    ("밭을", "bateul", "SP 제17항 해설: 밭을 [바틀], no ㅣ, no palatalisation"),
    ("밭은", "bateun", "SP 제17항 해설: 밭은 [바튼]"),
    ("곧이어", "godieo", "SP 제17항: 이어 (잇다) is no particle or suffix; [고디어]"),
    ("밭이랑", "bannirang", "SP 제17항 해설: the noun 밭이랑 [반니랑] (ㄴ insertion)"),
    ("묻혀", "mucheo", "SP 제17항 붙임 (ㄷ + 히 → 치; 혀 is 히+어) and 제5항 다만 1 (쳐 [처])"),
    ("꽂혀", "kkocheo", "SP 제12항 붙임1 (ㅈ+ㅎ → ㅊ) and 제5항 다만 1 (쳐 [처])"),
]

# Common words: RR of the Standard Pronunciation (SP) given in brackets
SP_TERMS = [
    ("닭", "dak", "SP 제11항: 닭 [닥]"),
    ("삶", "sam", "SP 제11항: 삶 [삼ː]"),
    ("맑다", "makda", "SP 제11항: 맑다 [막따]"),
    ("맑게", "malge", "SP 제11항 다만: 맑게 [말께]"),
    ("읊다", "eupda", "SP 제11항: 읊다 [읍따]"),
    ("젊다", "jeomda", "SP 제11항: 젊다 [점ː따]"),
    ("값", "gap", "SP 제10항: 값 [갑]"),
    ("여덟", "yeodeol", "SP 제10항: 여덟 [여덜]"),
    ("넓다", "neolda", "SP 제10항: 넓다 [널따]"),
    ("밟다", "bapda", "SP 제10항 다만: 밟다 [밥ː따]"),
    ("앉다", "anda", "SP 제10항: 앉다 [안따]"),
    ("옷", "ot", "SP 제9항: 옷 [옫]"),
    ("앞", "ap", "SP 제9항: 앞 [압]"),
    ("놓고", "noko", "SP 제12항 1: 놓고 [노코]"),
    ("많고", "manko", "SP 제12항 1: 많고 [만ː코]"),
    ("닳지", "dalchi", "SP 제12항 1: 닳지 [달치]"),
    ("먹히다", "meokida", "SP 제12항 붙임1: 먹히다 [머키다]"),
    ("밝히다", "balkida", "SP 제12항 붙임1: 밝히다 [발키다]"),
    ("좁히다", "jopida", "SP 제12항 붙임1: 좁히다 [조피다]"),
    ("넓히다", "neolpida", "SP 제12항 붙임1: 넓히다 [널피다]"),
    ("꽂히다", "kkochida", "SP 제12항 붙임1: 꽂히다 [꼬치다]"),
    ("앉히다", "anchida", "SP 제12항 붙임1: 앉히다 [안치다]"),
    ("각하", "gakha", "SP 제12항 붙임1 [가카], but a noun: RR ch.3 art.1 item 4 다만"),
    ("놓는", "nonneun", "SP 제12항 3: 놓는 [논는]"),
    ("않는", "anneun", "SP 제12항 3 붙임: 않는 [안는]"),
    ("뚫는", "ttulleun", "SP 제12항 3 붙임: 뚫는 [뚤른]"),
    ("놓아", "noa", "SP 제12항 4: 놓아 [노아]"),
    ("많아", "mana", "SP 제12항 4: 많아 [마ː나]"),
    ("싫어도", "sireodo", "SP 제12항 4: 싫어도 [시러도]"),
    ("깎아", "kkakka", "SP 제13항: 깎아 [까까]"),
    ("옷이", "osi", "SP 제13항: 옷이 [오시]"),
    ("있어", "isseo", "SP 제13항: 있어 [이써]"),
    ("꽃을", "kkocheul", "SP 제13항: 꽃을 [꼬츨]"),
    ("밭에", "bate", "SP 제13항: 밭에 [바테]"),
    ("앞으로", "apeuro", "SP 제13항: 앞으로 [아프로]"),
    ("앉아", "anja", "SP 제14항: 앉아 [안자]"),
    ("닭을", "dalgeul", "SP 제14항: 닭을 [달글]"),
    ("젊어", "jeolmeo", "SP 제14항: 젊어 [절머]"),
    ("핥아", "halta", "SP 제14항: 핥아 [할타]"),
    ("읊어", "eulpeo", "SP 제14항: 읊어 [을퍼]"),
    ("값을", "gapseul", "SP 제14항: 값을 [갑쓸]"),
    ("없어", "eopseo", "SP 제14항: 없어 [업ː써]"),
    ("굳이", "guji", "SP 제17항: 굳이 [구지]"),
    ("미닫이", "midaji", "SP 제17항: 미닫이 [미ː다지]"),
    ("밭이", "bachi", "SP 제17항: 밭이 [바치]"),
    ("닫히다", "dachida", "SP 제17항 붙임: 닫히다 [다치다]"),
    ("묻히다", "muchida", "SP 제17항 붙임: 묻히다 [무치다]"),
    ("먹는", "meongneun", "SP 제18항: 먹는 [멍는]"),
    ("국물", "gungmul", "SP 제18항: 국물 [궁물]"),
    ("긁는", "geungneun", "SP 제18항: 긁는 [긍는]"),
    ("흙만", "heungman", "SP 제18항: 흙만 [흥만]"),
    ("닫는", "danneun", "SP 제18항: 닫는 [단는]"),
    ("있는", "inneun", "SP 제18항: 있는 [인는]"),
    ("꽃망울", "kkonmangul", "SP 제18항: 꽃망울 [꼰망울]"),
    ("잡는", "jamneun", "SP 제18항: 잡는 [잠는]"),
    ("앞마당", "ammadang", "SP 제18항: 앞마당 [암마당]"),
    ("밟는", "bamneun", "SP 제18항: 밟는 [밤ː는]"),
    ("없는", "eomneun", "SP 제18항: 없는 [엄ː는]"),
    ("담력", "damnyeok", "SP 제19항: 담력 [담ː녁]"),
    ("침략", "chimnyak", "SP 제19항: 침략 [침냑]"),
    ("항로", "hangno", "SP 제19항: 항로 [항ː노]"),
    ("대통령", "daetongnyeong", "SP 제19항: 대통령 [대ː통녕]"),
    ("막론", "mangnon", "SP 제19항 붙임: 막론 [망논]"),
    ("석류", "seongnyu", "SP 제19항 붙임: 석류 [성뉴]"),
    ("협력", "hyeomnyeok", "SP 제19항 붙임: 협력 [혐녁]"),
    ("법리", "beomni", "SP 제19항 붙임: 법리 [범니]"),
    ("난로", "nallo", "SP 제20항: 난로 [날ː로]"),
    ("천리", "cheolli", "SP 제20항: 천리 [철리]"),
    ("칼날", "kallal", "SP 제20항: 칼날 [칼랄]"),
    ("물난리", "mullalli", "SP 제20항: 물난리 [물랄리]"),
    ("줄넘기", "julleomgi", "SP 제20항: 줄넘기 [줄럼끼]"),
    ("핥네", "halle", "SP 제20항 붙임: 핥네 [할레]"),
    ("설날", "seollal", "SP 제20항 rule: 설날 [설ː랄]"),
    ("의견란", "uigyeonnan", "SP 제20항 다만: 의견란 [의ː견난]"),
    ("임진란", "imjinnan", "SP 제20항 다만: 임진란 [임ː진난]"),
    ("생산량", "saengsannyang", "SP 제20항 다만: 생산량 [생산냥]"),
    ("결단력", "gyeoldannyeok", "SP 제20항 다만: 결단력 [결딴녁]"),
    ("공권력", "gonggwonnyeok", "SP 제20항 다만: 공권력 [공꿘녁]"),
    ("동원령", "dongwonnyeong", "SP 제20항 다만: 동원령 [동ː원녕]"),
    ("상견례", "sanggyeonnye", "SP 제20항 다만: 상견례 [상견녜]"),
    ("횡단로", "hoengdanno", "SP 제20항 다만: 횡단로 [횡단노]"),
    ("이원론", "iwonnon", "SP 제20항 다만: 이원론 [이ː원논]"),
    ("입원료", "ibwonnyo", "SP 제20항 다만: 입원료 [이붠뇨]"),
    ("구근류", "gugeunnyu", "SP 제20항 다만: 구근류 [구근뉴]"),
    ("솜이불", "somnibul", "SP 제29항: 솜이불 [솜ː니불]"),
    ("색연필", "saengnyeonpil", "SP 제29항: 색연필 [생년필]"),
    ("식용유", "sigyongnyu", "SP 제29항: 식용유 [시굥뉴]"),
    ("홑이불", "honnibul", "SP 제29항: 홑이불 [혼니불]"),
    ("막일", "mangnil", "SP 제29항: 막일 [망닐]"),
    ("맨입", "maennip", "SP 제29항: 맨입 [맨닙]"),
    ("꽃잎", "kkonnip", "SP 제29항: 꽃잎 [꼰닙]"),
    ("내복약", "naebongnyak", "SP 제29항: 내복약 [내ː봉냑]"),
    ("한여름", "hannyeoreum", "SP 제29항: 한여름 [한녀름]"),
    ("남존여비", "namjonnyeobi", "SP 제29항: 남존여비 [남존녀비]"),
    ("신여성", "sinnyeoseong", "SP 제29항: 신여성 [신녀성]"),
    ("늑막염", "neungmangnyeom", "SP 제29항: 늑막염 [능망념]"),
    ("콩엿", "kongnyeot", "SP 제29항: 콩엿 [콩녇]"),
    ("담요", "damnyo", "SP 제29항: 담요 [담ː뇨]"),
    ("눈요기", "nunnyogi", "SP 제29항: 눈요기 [눈뇨기]"),
    ("백분율", "baekbunnyul", "SP 제29항: 백분율 [백뿐뉼]"),
    ("들일", "deullil", "SP 제29항 붙임1: 들일 [들ː릴]"),
    ("솔잎", "sollip", "SP 제29항 붙임1: 솔잎 [솔립]"),
    ("물약", "mullyak", "SP 제29항 붙임1: 물약 [물략]"),
    ("불여우", "bullyeou", "SP 제29항 붙임1: 불여우 [불려우]"),
    ("물엿", "mullyeot", "SP 제29항 붙임1: 물엿 [물렫]"),
    ("서울역", "seoullyeok", "SP 제29항 붙임1: 서울역 [서울력]"),
    ("휘발유", "hwiballyu", "SP 제29항 붙임1: 휘발유 [휘발류]"),
    ("한글", "hangeul", "RR of 한글 (National Institute of Korean Language: Hangeul)"),
    ("김치", "gimchi", "RR of 김치 (National Institute of Korean Language)"),
    ("불고기", "bulgogi", "RR of 불고기"),
    ("비빔밥", "bibimbap", "RR of 비빔밥"),
    ("태권도", "taegwondo", "RR of 태권도 (RR writes g: 태권 tae+gwon)"),
    ("추석", "chuseok", "RR of 추석"),
    ("국회", "gukhoe", "National Assembly 국회 Gukhoe (noun: RR ch.3 art.1 item 4 다만)"),
    ("국무총리", "gungmuchongni", "SP 제18항 [궁무], 제19항 [총니]"),
]


def _id(row: tuple[str, ...]) -> str:
    return row[0]


@pytest.mark.parametrize(("hangul", "expected", "source"), RR_PROPER_EXAMPLES, ids=_id)
def test_rr_examples_as_proper_nouns(hangul: str, expected: str, source: str) -> None:
    assert romanize(hangul, kind="place") == expected, source


@pytest.mark.parametrize(("hangul", "expected", "source"), RR_TERM_EXAMPLES, ids=_id)
def test_rr_examples_as_terms(hangul: str, expected: str, source: str) -> None:
    assert romanize(hangul) == expected, source
    assert romanize(hangul, kind="term") == expected, source


@pytest.mark.parametrize(("hangul", "hyphenated", "plain", "source"), RR_HYPHEN_EXAMPLES, ids=_id)
def test_optional_hyphen_at_confusable_boundaries(
    hangul: str, hyphenated: str, plain: str, source: str
) -> None:
    assert romanize(hangul, kind="place", hyphen=True) == hyphenated, source
    assert romanize(hangul, kind="place") == plain, source


@pytest.mark.parametrize(("hangul", "strict", "hyphenated", "source"), RR_PERSON_EXAMPLES, ids=_id)
def test_person_names(hangul: str, strict: str, hyphenated: str, source: str) -> None:
    assert romanize(hangul, kind="person") == strict, source
    assert romanize(hangul, kind="person", hyphen=True) == hyphenated, source


@pytest.mark.parametrize(("hangul", "expected", "source"), RR_UNIT_EXAMPLES, ids=_id)
def test_administrative_units(hangul: str, expected: str, source: str) -> None:
    assert romanize(hangul, kind="place") == expected, source


@pytest.mark.parametrize(("hangul", "expected", "source"), OFFICIAL_PLACES, ids=_id)
def test_official_place_names(hangul: str, expected: str, source: str) -> None:
    assert romanize(hangul, kind="place") == expected, source


@pytest.mark.parametrize(("hangul", "expected", "source"), SP_TERMS, ids=_id)
def test_standard_pronunciation_terms(hangul: str, expected: str, source: str) -> None:
    assert romanize(hangul) == expected, source


@pytest.mark.parametrize(("hangul", "expected", "source"), UNIT_LOOKALIKES, ids=_id)
def test_words_that_end_in_a_unit_syllable(hangul: str, expected: str, source: str) -> None:
    assert romanize(hangul, kind="place") == expected, source
    assert not is_administrative(hangul), source


@pytest.mark.parametrize(("hangul", "expected", "source"), SEOUL_DONG, ids=_id)
def test_dong_in_seoul_place_names(hangul: str, expected: str, source: str) -> None:
    assert romanize(hangul, kind="place") == expected, source
    assert is_administrative(hangul) == ("-dong" in expected), source


@pytest.mark.parametrize(("hangul", "expected", "source"), ROAD_NAMES, ids=_id)
def test_road_name_addresses(hangul: str, expected: str, source: str) -> None:
    assert romanize(hangul, kind="place") == expected, source


@pytest.mark.parametrize(("hangul", "strict", "road", "source"), ROAD_FORMS, ids=_id)
def test_road_form_of_a_district_name(hangul: str, strict: str, road: str, source: str) -> None:
    assert romanize(hangul, kind="place") == strict, source
    assert road_form(hangul) == road, source
    assert road in romanize_entry(hangul, kind="place")["alternatives"], source


def test_road_form_is_for_roads_only() -> None:
    assert road_form("종로 2가") is None  # a dong named after the road (RR art.5 example)
    assert road_form("서울") is None
    assert road_form("") is None


def test_road_units_are_not_read_as_roads_in_terms() -> None:
    # Outside places the road rules do not apply: RR writes the word as pronounced
    assert romanize("세종대로") == "sejongdaero"
    assert romanize("종로 1") == "jongno 1"
    assert romanize("종로 1", kind="place") == "Jong-ro 1"  # a building number: a road


def test_numbered_unit_has_the_address_form_as_an_alternative() -> None:
    # RR ch.3 art.5 writes the number's reading (Jongno 2(i)-ga, as on Seoul Metro's
    # signs: Jongno 3(sam)-ga); addresses write Jongno 2-ga. Both are offered.
    for text in ("종로2가", "종로 2가"):
        entry = romanize_entry(text, kind="place")
        assert entry["strict"] == "Jongno 2(i)-ga"
        assert "Jongno 2-ga" in entry["alternatives"]
    assert romanize_entry("봉천1동", kind="place")["alternatives"] == ["Bongcheon 1-dong"]
    assert romanize_entry("명동", kind="place")["alternatives"] == []


@pytest.mark.parametrize(("hangul", "expected", "source"), PALATALISATION, ids=_id)
def test_palatalisation_only_where_sp17_applies(hangul: str, expected: str, source: str) -> None:
    assert romanize(hangul) == expected, source


def test_units_only_count_for_places() -> None:
    # RR ch.3 art.5 applies to place names; a term ending in 시 or 동 is one word
    assert romanize("의정부시") == "uijeongbusi"
    assert romanize("의정부시", kind="place") == "Uijeongbu-si"


def test_is_administrative() -> None:
    assert is_administrative("의정부시")
    assert is_administrative("중구")
    assert is_administrative("제주도")  # a province (RR ch.3 art.5 example)
    assert is_administrative("종로 2가")
    assert not is_administrative("독도")  # an island (RR ch.3 art.6 example)
    assert not is_administrative("울릉도")
    assert not is_administrative("대구")  # a city name, not 대 + 구
    assert not is_administrative("왕십리")  # RR ch.3 art.1 example Wangsimni
    assert not is_administrative("영동")  # RR ch.2 example Yeongdong
    assert not is_administrative("종로")  # 가 needs a number


def test_two_syllable_family_name_person() -> None:
    # family name first, then the given name (RR ch.3 art.4)
    assert romanize("남궁민", kind="person") == "Namgung Min"
    assert romanize("황보라", kind="person", family="황") == "Hwang Bora"
    assert romanize("이 재명", kind="person", hyphen=True) == "I Jae-myeong"


def test_proper_kinds_capitalise_each_word_terms_do_not() -> None:
    assert romanize("서울 중앙 지방 법원", kind="org") == "Seoul Jungang Jibang Beobwon"
    assert romanize("국가안보실", kind="org") == "Gukgaanbosil"
    assert romanize("국가안보실") == "gukgaanbosil"
    assert romanize("기생충", kind="work") == "Gisaengchung"  # film title, a proper noun


def test_sound_changes_do_not_cross_spaces() -> None:
    # 백 마 as two words: no nasal assimilation across the space
    assert romanize("백 마") == "baek ma"
    assert romanize("백마") == "baengma"


def test_non_hangul_passes_through() -> None:
    assert romanize("KBS 뉴스 9") == "KBS nyuseu 9"
    assert romanize("") == ""
    assert romanize(" ", kind="person") == ""


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(InvalidValue, match="kind"):
        romanize("서울", kind="city")


# RR ch.3 art.8: transliteration, letter by letter
TRANSLITERATION_EXAMPLES = [
    ("집", "jib"),
    ("짚", "jip"),
    ("밖", "bakk"),
    ("값", "gabs"),
    ("붓꽃", "buskkoch"),
    ("먹는", "meogneun"),
    ("독립", "doglib"),
    ("문리", "munli"),
    ("물엿", "mul-yeos"),
    ("굳이", "gud-i"),
    ("좋다", "johda"),
    ("가곡", "gagog"),
    ("조랑말", "jolangmal"),
    ("없었습니다", "eobs-eoss-seubnida"),
]


@pytest.mark.parametrize(("hangul", "expected"), TRANSLITERATION_EXAMPLES, ids=_id)
def test_transliteration_rr_art8_examples(hangul: str, expected: str) -> None:
    assert transliterate(hangul) == expected, "RR ch.3 art.8 example"


def test_every_syllable_romanizes_to_latin_letters() -> None:
    for code in range(0xAC00, 0xD7A4):
        for kind in (None, "place", "person"):
            assert romanize(chr(code), kind=kind).isalpha()
    assert romanize("닭값밟뚫없앉맑읊", hyphen=True).replace("-", "").isalpha()
