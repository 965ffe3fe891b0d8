"""General attribution and layout rules, each checked on sentences written for this file."""

from __future__ import annotations

from lavrov_corpus.extract import Conversion, convert_bytes


def conv(text: str) -> Conversion:
    out = convert_bytes(text.encode("utf-8"), source_path="t.txt")
    assert isinstance(out, Conversion), out
    return out


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker_id) for q in conv(text).quotes]


# --- layout ------------------------------------------------------------------------------------
def test_headline_above_a_lower_case_byline() -> None:
    out = conv(
        "World News\n\nRyabkov calls arms talks with Washington 'pointless' for now\n"
        "by Anna Petrova\nMarch 3, 2024\n\n"
        "Deputy Foreign Minister Sergei Ryabkov said on Monday that talks were pointless "
        "while sanctions stayed in place.\n"
    )
    assert out.article.title == "Ryabkov calls arms talks with Washington 'pointless' for now"


def test_headline_ending_with_a_quoted_word_is_not_body_prose() -> None:
    out = conv(
        "Asia\n"
        "Tokyo protests missile deployment plan near its northern islands, calls it "
        "'provocative'\n"
        "By Ken Mori, Staff writer\n\n"
        "Japan lodged a protest with Moscow on Wednesday over plans to deploy new coastal "
        "missile systems on islands both countries claim.\n"
    )
    assert out.article.title is not None and out.article.title.startswith("Tokyo protests")
    assert out.quotes[0].in_headline


def test_related_links_end_at_a_sentence_closed_inside_quote_marks() -> None:
    out = conv(
        "Kremlin rejects new sanctions package\n\n"
        "The Kremlin on Thursday rejected the latest package of Western sanctions as unlawful "
        "and said it would respond in kind.\n\n"
        "Related coverage\n"
        "Five things to know about the sanctions\n\n"
        "Spokesman Dmitry Peskov called the package “illegal and pointless.”\n\n"
        "The measures target banks, shipping and technology imports.\n"
    )
    assert "called the package" in out.article.text
    assert "Five things to know" not in out.article.text
    assert [(q.text, q.speaker_id) for q in out.quotes] == [
        ("illegal and pointless.", "dmitry-peskov")
    ]


# --- names -------------------------------------------------------------------------------------
def test_possessive_before_a_title_is_not_part_of_the_name() -> None:
    got = speakers(
        "Warsaw warns Moscow\n\n"
        "Poland's Deputy Prime Minister Jan Kowalczyk said the drills were “a rehearsal.”\n\n"
        "“We will answer every provocation,” Kowalczyk told state radio.\n"
    )
    assert got == [
        ("a rehearsal.", "jan-kowalczyk"),
        ("We will answer every provocation,", "jan-kowalczyk"),
    ]


def test_first_word_of_a_full_name_named_earlier_is_that_person() -> None:
    got = speakers(
        "Talks in Hanoi\n\n"
        "Vietnamese Foreign Minister Bui Thanh Son met Sergey Lavrov on Friday.\n\n"
        "Bui, who has held the post since 2021, said: “Our partnership is growing.”\n"
    )
    assert got == [("Our partnership is growing.", "bui-thanh-son")]


def test_a_first_word_two_people_share_names_nobody() -> None:
    got = speakers(
        "Two ministers\n\n"
        "Sergey Lavrov and Sergey Shoigu met generals on Monday.\n\n"
        "“The plan is ready,” Sergey said.\n"
    )
    assert got == [("The plan is ready,", None)]


def test_capital_city_possessive_description() -> None:
    got = speakers(
        "Lavrov in Tokyo\n\n"
        "Russian Foreign Minister Sergey Lavrov met Japanese Foreign Minister Kenji Ota.\n\n"
        "“We discussed fisheries,” Ota said.\n\n"
        "“Sanctions block any treaty,” Moscow's top diplomat said.\n"
    )
    assert got == [
        ("We discussed fisheries,", "kenji-ota"),
        ("Sanctions block any treaty,", "sergey-lavrov"),
    ]


def test_accented_and_hyphenated_names() -> None:
    got = speakers(
        "Summit in Madrid\n\n"
        "Spanish Foreign Minister José Manuel Albares said the summit had been “useful.”\n\n"
        "US envoy Mary Lou Jean-Baptiste later described the talks as “a first step.”\n"
    )
    assert got == [
        ("useful.", "jose-manuel-albares"),
        ("a first step.", "mary-lou-jean-baptiste"),
    ]


# --- anonymous and institutional sources ------------------------------------------------------
def test_anonymous_source_after_a_named_speaker_gets_no_speaker() -> None:
    got = speakers(
        "Talks stall\n\n"
        "“We see no basis for a deal,” Sergei Ryabkov told reporters.\n\n"
        "“They are bluffing, and everybody here knows it,” one European negotiator said, "
        "asking not to be named.\n\n"
        "“Nothing has changed,” Ryabkov said. “The door is open,” a Kremlin source added.\n"
    )
    assert got == [
        ("We see no basis for a deal,", "sergey-ryabkov"),
        ("They are bluffing, and everybody here knows it,", None),
        ("Nothing has changed,", "sergey-ryabkov"),
        ("The door is open,", None),
    ]


def test_quote_running_into_a_clause_is_not_given_to_its_subject() -> None:
    got = speakers(
        "Arms talks\n\n"
        "Lavrov said the outlook was “grim” although Moscow had offered talks, he noted.\n"
    )
    assert got == [("grim", "sergey-lavrov")]


# --- cue verbs ---------------------------------------------------------------------------------
def test_present_tense_and_talked_about_cues() -> None:
    out = conv(
        "Treaty row\n\n"
        "Western capitals, Zakharova complains, ignored proposals that “could have saved the "
        "treaty.”\n\n"
        "Chancellor Angela Merkel has often spoken of “strategic patience” with Moscow.\n"
    )
    got = [(q.text, q.speaker_id, q.is_partial, q.is_scare) for q in out.quotes]
    assert got == [
        ("could have saved the treaty.", "maria-zakharova", True, False),
        ("strategic patience", "angela-merkel", True, False),
    ]


def test_sentence_opener_before_a_name_is_not_part_of_it() -> None:
    got = speakers(
        "Editor's view\n\n"
        "As Dmitri Trenin, a former colonel, put it in 2019: “Arms control is over.”\n\n"
        "But Grushko said the alliance was “not interested.”\n"
    )
    assert got == [
        ("Arms control is over.", "dmitri-trenin"),
        ("not interested.", "alexander-grushko"),
    ]


# --- colon introductions -------------------------------------------------------------------
def test_colon_introduction_by_the_sentence_subject() -> None:
    got = speakers(
        "Zakharova briefing\n\n"
        "Maria Zakharova opened the weekly briefing in Moscow.\n\n"
        "She had a blunt message for London: “Stop lecturing us about treaties.”\n\n"
        "The ministry's statement was short: “No comment.”\n"
    )
    assert got == [
        ("Stop lecturing us about treaties.", "maria-zakharova"),
        ("No comment.", None),
    ]


def test_colon_after_an_unresolved_speech_cue_is_not_guessed() -> None:
    got = speakers(
        "Vienna talks\n\n"
        "Sergey Ryabkov arrived in Vienna on Monday.\n\n"
        "He and a Chinese delegate later told reporters: “We will not join trilateral talks.”\n"
    )
    assert got == [("We will not join trilateral talks.", None)]


def test_headline_above_a_longer_standfirst_line() -> None:
    out = conv(
        "Home / World\n"
        "Peskov says Kremlin will not 'chase' Washington on arms control\n"
        "Interview | Speaking in Moscow, the Kremlin spokesman discussed New START, "
        "missile tests and relations with Europe\n"
        "By Ravi Kumar\n"
        "Updated on Apr 2, 2025\n\n"
        "Kremlin spokesman Dmitry Peskov said Russia would not chase Washington on arms control "
        "and would wait for a concrete American offer.\n"
    )
    assert out.article.title == "Peskov says Kremlin will not 'chase' Washington on arms control"
    assert [(q.text, q.speaker_id, q.in_headline) for q in out.quotes] == [
        ("chase", "dmitry-peskov", True)
    ]


# --- role descriptions of curated people ----------------------------------------------------
def test_watchdog_chief_description_resolves_to_the_curated_iaea_head() -> None:
    got = speakers(
        "Inspections resume\n\n"
        "Rafael Grossi, who heads the International Atomic Energy Agency, arrived in Tehran.\n\n"
        "Iranian officials said the visit was “useful.”\n\n"
        "“We have regained access to two sites,” the UN nuclear watchdog chief said on Sunday.\n"
    )
    assert got == [
        ("useful.", None),
        ("We have regained access to two sites,", "rafael-grossi"),
    ]


def test_speech_noun_of_a_person_attributes_a_fragment() -> None:
    out = conv(
        "Peskov on talks\n\n"
        "Dmitry Peskov spoke to reporters on Tuesday. His main point was that Moscow saw the "
        "talks as “premature” and would wait.\n\n"
        "Zakharova’s answer was blunt: Russia would “never accept ultimatums.”\n"
    )
    got = [(q.text, q.speaker_id, q.is_partial, q.is_scare, q.cue) for q in out.quotes]
    assert got == [
        ("premature", "dmitry-peskov", True, False, None),
        ("never accept ultimatums.", "maria-zakharova", True, False, None),
    ]


def test_institutions_are_nobody_even_when_a_role_contains_their_name() -> None:
    got = speakers(
        "Kremlin reacts\n\n"
        "Kremlin spokesman Dmitry Peskov spoke to reporters, and Sergey Lavrov met Rubio.\n\n"
        "The Kremlin said the proposal was “unacceptable.”\n\n"
        "The Russian Foreign Ministry said the talks were “pointless.”\n\n"
        "“We will see,” the Kremlin spokesman said.\n"
    )
    assert got == [
        ("unacceptable.", None),
        ("pointless.", None),
        ("We will see,", "dmitry-peskov"),
    ]


def test_a_next_sentence_with_its_own_quote_is_not_an_attribution_tail() -> None:
    got = speakers(
        "Two views\n\n"
        "Maria Zakharova and Sergey Lavrov spoke in turn. She called the plan “dead.” "
        "He called it “alive.”\n"
    )
    assert got == [("dead.", "maria-zakharova"), ("alive.", "sergey-lavrov")]


def test_participle_takes_the_subject_opening_its_sentence() -> None:
    got = speakers(
        "European reactions\n\n"
        "Italian Prime Minister Giorgia Meloni called the move “a mistake.” "
        "Dutch Prime Minister Dick Schoof agreed, describing it as “deeply worrying.”\n\n"
        "The ministry issued a statement, saying the talks were “over.”\n"
    )
    assert got == [
        ("a mistake.", "giorgia-meloni"),
        ("deeply worrying.", "dick-schoof"),
        ("over.", None),
    ]


def test_transcript_speaker_label_before_a_quote() -> None:
    got = speakers(
        "Press conference\n\n"
        "Sergey Lavrov and Wang Yi answered questions after the talks.\n\n"
        "Question: Will China join arms control talks?\n\n"
        "Wang Yi: “China's arsenal is not comparable with those of the two largest powers.”\n"
    )
    assert got == [
        ("China's arsenal is not comparable with those of the two largest powers.", "wang-yi")
    ]


def test_names_with_letters_unicode_does_not_decompose_get_ascii_ids() -> None:
    got = speakers(
        "Warsaw\n\n"
        "Polish Foreign Minister Radosław Sikorski wrote: “Strength is the only argument.”\n"
    )
    assert got == [("Strength is the only argument.", "radoslaw-sikorski")]


def test_title_with_a_lower_case_role_after_the_verb() -> None:
    got = speakers(
        "Beijing responds\n\n"
        "“Beijing will not join any trilateral talks,” said Chinese Foreign Ministry spokesman "
        "Guo Jiakun.\n\n"
        "“The door remains open,” said Kremlin spokesman Dmitry Peskov.\n"
    )
    assert got == [
        ("Beijing will not join any trilateral talks,", "guo-jiakun"),
        ("The door remains open,", "dmitry-peskov"),
    ]


def test_an_age_in_a_description_is_not_a_role_word() -> None:
    got = speakers(
        "Veteran diplomat\n\n"
        "Sergei Ryabkov addressed the conference in Geneva.\n\n"
        "“We will not be rushed,” the 65-year-old deputy minister said.\n"
    )
    assert got == [("We will not be rushed,", "sergey-ryabkov")]


def test_lower_case_title_before_a_name_makes_a_person_pronouns_can_reach() -> None:
    out = conv(
        "Brussels\n\n"
        "EU foreign policy chief Kaja Kallas met ministers in Brussels on Monday.\n\n"
        "She said Moscow was “not serious about peace.”\n\n"
        "“Sanctions stay,” the EU foreign policy chief told reporters.\n"
    )
    assert [(q.text, q.speaker_id) for q in out.quotes] == [
        ("not serious about peace.", "kaja-kallas"),
        ("Sanctions stay,", "kaja-kallas"),
    ]


def test_in_someones_words() -> None:
    got = speakers(
        "Treaty\n\n"
        "Sergei Ryabkov spoke at length. In Ryabkov's words, the accord had become “a dead "
        "letter.” In his own words, Moscow was “not to blame.”\n"
    )
    assert got == [("a dead letter.", "sergey-ryabkov"), ("not to blame.", "sergey-ryabkov")]


def test_agency_quoted_a_person_as_saying() -> None:
    got = speakers(
        "Wire\n\n"
        "Interfax quoted Deputy Foreign Minister Sergei Ryabkov as saying: “We will not wait.”\n\n"
        "TASS cited the Kremlin spokesman as saying Moscow would respond “in kind.”\n"
    )
    assert got == [("We will not wait.", "sergey-ryabkov"), ("in kind.", "dmitry-peskov")]


def test_a_name_ending_in_a_noun_of_bodies_is_an_institution() -> None:
    got = speakers(
        "Sanctions\n\n"
        "Members “will not comply,” the Nordic Defence Council said on Friday.\n\n"
        "The plan was “reckless,” according to the Harmon Policy Institute.\n\n"
        "Former diplomat Olga Brandt said the move was “predictable.”\n"
    )
    assert got == [
        ("will not comply,", None),
        ("reckless,", None),
        ("predictable.", "olga-brandt"),
    ]


def test_an_honorific_and_a_two_word_surname_are_the_person_named_in_full() -> None:
    got = speakers(
        "Paris\n\n"
        "Foreign Minister Jean-Luc Le Maire said Paris would “stay the course.”\n\n"
        "Mr. Le Maire later told reporters the treaty was “not dead.”\n\n"
        "“We remain committed,” Le Maire said.\n"
    )
    assert got == [
        ("stay the course.", "jean-luc-le-maire"),
        ("not dead.", "jean-luc-le-maire"),
        ("We remain committed,", "jean-luc-le-maire"),
    ]


def test_a_title_cut_by_of_and_a_capitalised_description() -> None:
    got = speakers(
        "Talks\n\n"
        "Assistant Secretary of Defense Laura Kemp met her Polish counterpart in Warsaw. "
        "Kemp listened. “The door stays open,” she told reporters.\n\n"
        "Later the Assistant Secretary of Defense said the offer was “final.”\n\n"
        "“We are ready,” the Minister said, after Foreign Minister Radoslaw Sikorski spoke.\n"
    )
    assert got == [
        ("The door stays open,", "laura-kemp"),
        ("final.", "laura-kemp"),
        ("We are ready,", "radoslaw-sikorski"),
    ]


def test_a_pronoun_after_an_asked_clause_is_the_person_asked() -> None:
    got = speakers(
        "Summit\n\n"
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday. Asked whether Xi "
        "Jinping and Emmanuel Macron would attend, he said: “That is not decided.”\n\n"
        "When pressed about Macron’s remarks, he replied that it was “premature.”\n"
    )
    assert got == [
        ("That is not decided.", "dmitry-peskov"),
        ("premature.", "dmitry-peskov"),
    ]


def test_a_fragment_in_a_later_sentence_does_not_continue_the_previous_speaker() -> None:
    out = conv(
        "Summit\n\n"
        "Sergei Lavrov called the plan “reckless.” The summit, a “milestone” for its hosts, "
        "ended early.\n\n"
        "“We will see,” Lavrov said. “Nothing is settled.”\n"
    )
    got = [(q.text, q.speaker_id, q.is_scare) for q in out.quotes]
    assert got == [
        ("reckless.", "sergey-lavrov", False),
        ("milestone", None, True),
        ("We will see,", "sergey-lavrov", False),
        ("Nothing is settled.", "sergey-lavrov", False),
    ]


def test_a_name_with_a_lower_case_particle_after_an_honorific() -> None:
    got = speakers(
        "Ministers split over the missile plan\n\n"
        "Jordanian Foreign Minister Prince Hamza bin Talal told reporters the talks were "
        '"far from over," he said.\n\n'
        'Dutch Defence Minister Mr. Pieter van den Berg said the plan was "a dead end."\n'
    )
    assert got == [("far from over,", "hamza-bin-talal"), ("a dead end.", "pieter-van-den-berg")]


def test_a_chairperson_title_is_not_part_of_the_name() -> None:
    got = speakers(
        "Lawmakers back the treaty exit\n\n"
        'Parliament Chairperson Ilona Marsh said the vote was "a clear signal to Moscow."\n'
    )
    assert got == [("a clear signal to Moscow.", "ilona-marsh")]


def test_bookmark_button_and_correspondent_byline_are_not_the_headline() -> None:
    out = conv(
        "Europe\nSave for later\n\n"
        "Kremlin rejects missile freeze offer as talks stall in Geneva\n"
        "Moscow says the proposal ignores its concerns over bases in eastern Europe\n\n"
        "Jane Okoro in Geneva and Tom Reyes in Brussels\nApril 9 2024\n\n"
        "Russia on Tuesday rejected a proposal to freeze missile deployments in Europe, "
        "saying it ignored its long-standing concerns about NATO bases.\n"
    )
    assert out.article.title == "Kremlin rejects missile freeze offer as talks stall in Geneva"
    assert str(out.article.published) == "2024-04-09"


_PLAIN_BODY = (
    "Russia said on Monday it would not return to the arms control talks this year, blaming "
    "the new sanctions imposed by Washington and its allies.\n\n"
    "Deputy Foreign Minister Sergei Ryabkov said the conditions were “simply not there.”\n\n"
    "The talks were last held in Geneva in the spring, when both sides agreed to meet again "
    "before the end of the year.\n\n"
)


def test_readers_comments_end_the_article_even_under_related_links() -> None:
    for header in ("Comments (12)", "View comments (1,204)", "Join the conversation", "5 comments"):
        out = conv(
            "Moscow shelves arms talks\n\n" + _PLAIN_BODY + "Related stories\n"
            "What the sanctions mean for Russian banks\n" + header + "\n"
            'pete_k: "Peace through strength" - as always.\n'
            "maria: Ryabkov said it “never mattered anyway.” Sad.\n"
        )
        assert [q.text for q in out.quotes] == ["simply not there."], header
        assert "pete_k" not in out.article.text


def test_a_credit_line_in_parentheses_starts_the_footer() -> None:
    out = conv(
        "Moscow shelves arms talks\n\n"
        + _PLAIN_BODY
        + "(Reporting by Ann Lee; Editing by Tom Ray)\n"
    )
    assert "Reporting by" not in out.article.text


def test_related_boxes_in_other_news_and_russian_labels() -> None:
    for label in ("In Other News", "Читайте также:", "Новости по теме", "Further reading"):
        out = conv(
            "Moscow shelves arms talks\n\n" + _PLAIN_BODY + label + "\n"
            "«Искандер» переброшен к границе — источник\n"
            "“Dead end”: analysts on the talks freeze\n"
            "Peskov: Kremlin sees “no point” in new round\n"
        )
        assert [q.text for q in out.quotes] == ["simply not there."], label
        assert "analysts" not in out.article.text


def test_a_link_to_the_original_is_not_article_text() -> None:
    for line in (
        "Full text in Russian: «Переговоры отложены на неопределённый срок»",
        "Original in Russian: https://example.ru/news/2024/03/01/123.shtml",
    ):
        out = conv("Moscow shelves arms talks\n\n" + _PLAIN_BODY + line + "\n")
        assert [q.text for q in out.quotes] == ["simply not there."], line
        assert "Russian:" not in out.article.text


def test_a_quoted_body_paragraph_after_a_related_label_is_kept() -> None:
    out = conv(
        "Moscow shelves arms talks\n\n" + _PLAIN_BODY + "Read also\n"
        "Kremlin says sanctions will not change its course\n\n"
        "“We will not be pressured,” Ryabkov added.\n"
    )
    assert [q.text for q in out.quotes] == ["simply not there.", "We will not be pressured,"]


def test_a_caption_ending_in_its_credit_in_parentheses_is_dropped() -> None:
    from lavrov_corpus.extract import furniture as fu

    for line in (
        "Delegates arrive for the talks in Geneva on May 2, 2024. (Reuters Photo)",
        "Ryabkov speaks to reporters in Moscow. (Ivan Petrov/AFP via Getty Images)",
        "The foreign ministers meet in Ankara. (AA photo)",
        "Lavrov said the plan was “a provocation.” (File photo)",
    ):
        assert fu.is_captioned_credit(line), line
        out = conv("Moscow shelves arms talks\n\n" + line + "\n\n" + _PLAIN_BODY)
        assert [q.text for q in out.quotes] == ["simply not there."], line
    for line in (
        "Russia left the treaty in 2023 (see our timeline)",
        "The talks ended without a deal (Reuters reported earlier).",
    ):
        assert not fu.is_captioned_credit(line), line


def test_a_hard_wrapped_first_paragraph_under_the_date_is_body() -> None:
    out = conv(
        "Asia Security Review\n\n"
        "Seoul Talks End Without Joint Statement on Missile Limits\n\n"
        "The three delegations could not agree on how to describe the range caps.\n\n"
        "By Min-jun Park\nMay 14, 2024\n\n"
        "After two days of closed-door meetings in Seoul, the delegations of\n"
        "Japan, South Korea and the United States left without agreeing on the\n"
        "wording of a statement about missile ranges, officials said on Tuesday.\n\n"
        "A senior official said the gap on the “verification annex” was too\n"
        "wide to bridge this round, but that another meeting was likely soon.\n"
    )
    assert out.article.title == "Seoul Talks End Without Joint Statement on Missile Limits"
    assert "\n\nAfter two days of closed-door meetings in Seoul, the delegations of Japan" in (
        out.article.text
    )


def test_a_short_label_or_bare_names_over_the_date_are_not_the_headline() -> None:
    for under in ("Digest of the Vedomosti business daily", "Ann Lee and Tom Ray"):
        out = conv(
            "Vedomosti\n\nPress review\n\n"
            "Moscow puts arms talks on hold until sanctions ease\n"
            f"{under}\n"
            "Mar. 04, 2024, 10:15\n\n" + _PLAIN_BODY
        )
        assert out.article.title == "Moscow puts arms talks on hold until sanctions ease", under
    out = conv(
        "Moscow puts arms talks on hold until sanctions ease\n\n"
        "Ann Lee, Tom Ray and Maria Okafor\nMarch 4, 2024\n\n" + _PLAIN_BODY
    )
    assert "Ann Lee" not in out.article.text


def test_a_curated_site_line_beats_its_parent_company_in_the_copyright() -> None:
    for site, footer, want in (
        ("DAILY SABAH", "© Turkuvaz Media Group 2024. All rights reserved.", "Daily Sabah"),
        ("Arab News", "© 2024 Saudi Research and Media Group", "Arab News"),
        ("The Mainichi", "Copyright The Mainichi Newspapers Co. 2024", "The Mainichi"),
    ):
        out = conv(f"{site}\n\nMoscow shelves arms talks\n\n" + _PLAIN_BODY + footer + "\n")
        assert out.article.outlet == want, site


def test_a_newsletter_sign_off_names_the_newsletter_not_its_author() -> None:
    out = conv(
        "The Missile Ledger\n\nMoscow shelves arms talks\nAnn Lee\nMar 4, 2024\n\n"
        + _PLAIN_BODY
        + "Thanks for reading The Missile Ledger! Subscribe for free to get every issue.\n\n"
        "© 2024 Ann Lee\n"
    )
    assert out.article.outlet == "The Missile Ledger"
    assert "Thanks for reading" not in out.article.text


def test_a_year_right_after_an_ambiguous_treaty_name_wins_over_the_date() -> None:
    import datetime as dt

    from lavrov_corpus.extract.treaties import tag_treaties

    later = dt.date(2024, 5, 1)
    for text, want in (
        ("The new pact follows the START treaty of 1991, which has expired.", "start-i"),
        ("Inspections under START (1991) ended in 2009.", "start-i"),
        ("Under the Moscow Treaty of 1963 tests in the atmosphere ended.", "ptbt"),
        ("The START treaty of 2010 runs out soon.", "new-start"),
        ("The START treaty expires soon, officials said.", "new-start"),
    ):
        got = [m.treaty_id for m in tag_treaties(text, later)]
        assert got == [want], text


def test_an_official_treaty_name_in_either_order_of_its_parties() -> None:
    from lavrov_corpus.extract.treaties import tag_treaties

    for parties in (
        "the United States of America and the Union of Soviet Socialist Republics",
        "the Union of Soviet Socialist Republics and the United States of America",
    ):
        name = f"Treaty between {parties} on the Limitation of Anti-Ballistic Missile Systems"
        got = tag_treaties(f"Moscow recalled that the {name} was signed in 1972.")
        assert [(m.text, m.treaty_id) for m in got] == [(name, "abm")]


def test_more_participles_take_the_subject_opening_the_sentence() -> None:
    got = speakers(
        "Arms talks\n\n"
        "Deputy Foreign Minister Sergei Ryabkov went further, telling reporters the plan was "
        "“a dead end” that Moscow “would never accept.”\n\n"
        "Foreign Minister Sergey Lavrov closed the meeting early, writing later that the West "
        "had “run out of ideas.”\n"
    )
    assert got == [
        ("a dead end", "sergey-ryabkov"),
        ("would never accept.", "sergey-ryabkov"),
        ("run out of ideas.", "sergey-lavrov"),
    ]


def test_names_starting_with_an_accented_capital() -> None:
    got = speakers(
        "Talks in Ankara\n\n"
        "Foreign Minister Mevlüt Çavuşoğlu hosted the meeting.\n\n"
        "Lavrov left before the end. Çavuşoğlu said the talks would go on. “We will not give "
        "up,” he said.\n\n"
        "Commission Vice-President Maroš Šefčovič told reporters: “The door stays open.”\n"
    )
    assert got == [
        ("We will not give up,", "mevlut-cavusoglu"),
        ("The door stays open.", "maros-sefcovic"),
    ]


def test_a_participle_takes_the_name_before_it_or_its_clause_subject() -> None:
    got = speakers(
        "Talks in Vienna\n\n"
        "The delegations left without a deal, with host Foreign Minister Jan Novak saying "
        "the meeting had been “a start”.\n\n"
        "Russia ratified the accord in 2001, but President Vladimir Putin revoked that "
        "ratification last year, saying Moscow wanted to “restore parity”.\n\n"
        "He told Antony Blinken the offer was final, adding that it was “not a bluff”.\n"
    )
    assert got == [
        ("a start", "jan-novak"),
        ("restore parity", "vladimir-putin"),
        ("not a bluff", "vladimir-putin"),
    ]


def test_a_participle_after_a_form_of_be_has_its_own_subject() -> None:
    got = speakers(
        "Talks in Vienna\n\n"
        "Foreign Minister Sergey Lavrov arrived on Monday for what everyone here is calling "
        "“the last chance” talks.\n\n"
        "Ryabkov is saying that the plan is “dead on arrival”.\n"
    )
    assert got == [("the last chance", None), ("dead on arrival", "sergey-ryabkov")]


def test_an_abbreviated_month_between_subject_and_verb() -> None:
    got = speakers(
        "Talks in Moscow\n\n"
        "Foreign Minister Sergey Lavrov on Feb. 3 told his visitor that the islands were "
        "Russian “by right of victory” and would stay so.\n"
    )
    assert got == [("by right of victory", "sergey-lavrov")]


def test_a_subject_before_two_parentheticals_and_a_colon_over_a_long_quote() -> None:
    got = speakers(
        "Test ban\n\n"
        "Maria Lindqvist, the director of the Stockholm centre, a body that tracks nuclear "
        "tests, said in a statement:\n\n"
        "“The decision is a step back for everyone.\n\n"
        "“It makes a return to testing more likely.”\n"
    )
    assert got == [
        ("The decision is a step back for everyone.", "maria-lindqvist"),
        ("It makes a return to testing more likely.", "maria-lindqvist"),
    ]


def test_pronouns_and_determiners_start_a_word() -> None:
    got = speakers(
        "Test ban\n\n"
        "Foreign Minister Sergey Lavrov spoke first.\n\n"
        "The Foreign Ministry of Russia said the claims were “baseless.”\n\n"
        "This official warned of “consequences.”\n"
    )
    assert got == [("baseless.", None), ("consequences.", None)]


def test_a_person_of_an_institution_before_the_verb() -> None:
    got = speakers(
        "Test ban\n\n"
        "Olga Petrenko of the Geneva Disarmament Institute told reporters the pact was "
        "“hanging by a thread.”\n\n"
        "The Foreign Ministry of Russia said the claims were “baseless.”\n"
    )
    assert got == [("hanging by a thread.", "olga-petrenko"), ("baseless.", None)]


def test_a_description_with_a_bodys_possessive_is_the_role_alone() -> None:
    got = speakers(
        "Watchdog report\n\n"
        "Director General Rafael Grossi briefed the board on Monday.\n\n"
        "“Access remains limited,” the agency's director general said. “We need more.”\n\n"
        "Foreign Minister Sergey Lavrov spoke later. “We will see,” Lavrov's deputy said.\n"
    )
    assert got == [
        ("Access remains limited,", "rafael-grossi"),
        ("We need more.", "rafael-grossi"),
        ("We will see,", None),
    ]


def test_a_headline_quote_after_a_persons_possessive_is_theirs() -> None:
    out = conv(
        "Ryabkov's 'dead end' remark angers Washington\n\n"
        "Deputy Foreign Minister Sergei Ryabkov said on Monday that the talks had reached "
        "an impasse and that Moscow saw no reason to continue them.\n"
    )
    q = out.quotes[0]
    assert (q.text, q.speaker_id, q.in_headline, q.is_partial, q.is_scare) == (
        "dead end",
        "sergey-ryabkov",
        True,
        True,
        False,
    )


def test_a_condensed_headline_quote_takes_the_body_quotes_speaker() -> None:
    out = conv(
        "Moscow calls sanctions 'attack on global trade'\n\n"
        "Foreign Ministry spokeswoman Maria Zakharova said the measures were “an attack on "
        "the very foundations of global trade” and promised a response.\n\n"
        "Analysts called the package a “game changer.”\n"
    )
    got = [(q.text, q.speaker_id, q.is_partial, q.is_scare) for q in out.quotes]
    assert got[0] == ("attack on global trade", "maria-zakharova", True, False)
    out = conv(
        "Moscow warns of 'new arms race'\n\n"
        "Kremlin spokesman Dmitry Peskov said the plan was “a race nobody can win.”\n"
    )
    assert out.quotes[0].speaker_id is None  # 'new' and 'arms' are not in the body quote


def test_present_tense_calls_reports_a_term() -> None:
    out = conv(
        "Talks stall\n\n"
        "He defended what the ministry still calls its “peace initiative” and left.\n\n"
        "Kremlin spokesman Dmitry Peskov calls it the “Geneva track”.\n"
    )
    got = [(q.text, q.speaker_id, q.is_partial, q.is_scare) for q in out.quotes]
    assert got == [
        ("peace initiative", None, True, False),  # the ministry's term: reported, nobody's
        ("Geneva track", "dmitry-peskov", True, False),  # as with "called"
    ]


def test_a_statement_by_a_person_attributes_the_quote() -> None:
    got = speakers(
        "Extension agreed\n\n"
        "The ministry welcomed the statement by Secretary of State Antony Blinken that the "
        "deal “makes everyone safer.”\n\n"
        "Earlier remarks from the Russian foreign minister called it “a sensible step.”\n\n"
        "A statement by the Foreign Ministry called it “overdue.”\n"
    )
    assert got == [
        ("makes everyone safer.", "antony-blinken"),
        ("a sensible step.", "sergey-lavrov"),
        ("overdue.", None),
    ]


def test_an_order_reports_the_words_of_whoever_gave_it() -> None:
    got = speakers(
        "Drills\n\n"
        "The Kremlin said it was unclear what President Joe Biden had in mind when he "
        "ordered the navy to patrol the strait “without limits.”\n\n"
        "Defence Minister Andrei Belousov instructed commanders to stay “on full alert.”\n"
    )
    assert got == [("without limits.", "joe-biden"), ("on full alert.", "andrei-belousov")]


def test_a_lower_case_quote_after_a_comma_cue_ends_the_sentence_begun_outside() -> None:
    out = conv(
        "Talks stall\n\n"
        "The proposal, Lavrov said, “went nowhere.”\n\n"
        "“We offered a deal,” Lavrov said, “but nobody answered.”\n\n"
        "Ryabkov said, “The door is open.”\n\n"
        "As Putin has said, “we will not be the first to test.”\n"
    )
    got = [(q.text, q.is_partial) for q in out.quotes]
    assert got == [
        ("went nowhere.", True),
        ("We offered a deal,", False),
        ("but nobody answered.", False),
        ("The door is open.", False),
        ("we will not be the first to test.", False),
    ]


def test_site_lists_under_the_body_are_dropped_but_not_over_the_headline() -> None:
    for label in ("Trending", "Most Read", "Top Stories", "Editor's Picks", "Read next"):
        out = conv(
            "Moscow shelves arms talks\n\n" + _PLAIN_BODY + label + "\n"
            "Putin says Russia is ready for 'any scenario'\n"
            "2. “Unacceptable”: minister slams new sanctions\n"
        )
        assert [q.text for q in out.quotes] == ["simply not there."], label
    out = conv("Top stories\nMoscow shelves arms talks until the autumn\n\n" + _PLAIN_BODY)
    assert out.article.title == "Moscow shelves arms talks until the autumn"


def test_a_headline_quote_reported_of_an_institution_in_the_body_is_no_scare_term() -> None:
    out = conv(
        "Kremlin: missile talks 'off the table'\n\n"
        "The Kremlin said on Friday that talks on missile limits were “off the table” for now, "
        "citing the new sanctions.\n"
    )
    got = [(q.text, q.speaker_id, q.in_headline, q.is_partial, q.is_scare) for q in out.quotes]
    assert got == [
        ("off the table", None, True, True, False),
        ("off the table", None, False, True, False),
    ]


def test_a_long_title_standing_alone_under_the_site_name_is_the_headline() -> None:
    out = conv(
        "MINISTRY OF FOREIGN AFFAIRS OF THE RUSSIAN FEDERATION\n\n"
        "Deputy Foreign Minister Sergey Ryabkov's interview with the Kommersant newspaper on "
        "strategic stability and the future of arms control talks with the United States, "
        "Moscow, March 3, 2025\n\n"
        "Dear colleagues,\n\n"
        "Question: Is there any hope for the talks? Will the sides meet again this year?\n\n"
        "Sergey Ryabkov: We see no signals from Washington. The situation is not changing.\n"
    )
    assert out.article.title is not None
    assert out.article.title.startswith("Deputy Foreign Minister Sergey Ryabkov's interview")
    assert "Dear colleagues," in out.article.text


def test_i_in_a_transcript_turn_is_the_speaker_of_the_turn() -> None:
    got = speakers(
        "Press conference\n\n"
        "Question: Will Russia answer the new deployments?\n\n"
        "Sergey Lavrov: We will. I have said it many times: “We will not leave this "
        "unanswered.”\n\n"
        "RYABKOV (through interpreter): I told our colleagues that it was “a dead end.”\n"
    )
    assert got == [
        ("We will not leave this unanswered.", "sergey-lavrov"),
        ("a dead end.", "sergey-ryabkov"),
    ]


def test_an_author_box_ends_the_article() -> None:
    out = conv(
        "Moscow shelves arms talks\n\n" + _PLAIN_BODY + "About the Author\n"
        "Ann Lee covers arms control. She wrote “The Last Treaty” (2021).\n"
    )
    assert [q.text for q in out.quotes] == ["simply not there."]


def test_timestamps_mark_the_header_and_leave_a_live_page_body() -> None:
    from lavrov_corpus.extract import furniture as fu

    for line in ("14:05 GMT", "2:15 p.m. ET", "Updated 2 hours ago", "5 min ago", "13.40"):
        assert fu.is_timestamp(line), line
    for line in ("At 14:05 GMT the vote began", "2 hours", "Moscow, 14:05"):
        assert not fu.is_timestamp(line), line
    out = conv(
        "Live: arms talks in Geneva\nUpdated 5 min ago\n\n"
        "11:20 GMT\nDelegations arrive at the Palais des Nations\n\n"
        "The Russian and US delegations arrived in Geneva on Monday morning for the first "
        "round of talks in more than a year.\n\n"
        "10:55 GMT\n"
        "Ryabkov said the mood was “businesslike.”\n"
    )
    assert out.article.title == "Live: arms talks in Geneva"
    assert "GMT" not in out.article.text and "ago" not in out.article.text


def test_a_sub_headline_gives_its_quote_to_the_person_before_the_colon() -> None:
    out = conv(
        "Live: arms talks in Geneva\n\n"
        "The Russian and US delegations arrived in Geneva on Monday morning for the first "
        "round of talks in more than a year.\n\n"
        "Ryabkov: talks 'businesslike' but no breakthrough\n\n"
        "Deputy Foreign Minister Sergei Ryabkov told reporters the first session was "
        "“businesslike.”\n"
    )
    got = [(q.text, q.speaker_id, q.is_partial, q.in_headline) for q in out.quotes]
    assert got == [
        ("businesslike", "sergey-ryabkov", True, False),
        ("businesslike.", "sergey-ryabkov", True, False),
    ]


def test_according_to_a_title_with_a_lower_case_role_and_a_name() -> None:
    got = speakers(
        "Missiles in Europe\n\n"
        "According to Kremlin spokesman Dmitry Peskov, the plan is “a direct threat.”\n\n"
        "According to EU foreign policy chief Kaja Kallas, Moscow's warning was “a bluff.”\n"
    )
    assert got == [("a direct threat.", "dmitry-peskov"), ("a bluff.", "kaja-kallas")]


def test_an_apposition_description_is_a_role_and_the_diplomat_an_ambassador() -> None:
    got = speakers(
        "Missiles in Europe\n\n"
        "Foreign Ministry spokeswoman Maria Zakharova called the plan “reckless.”\n\n"
        "Russia's ambassador to Poland, Ivan Sorokin, said Warsaw would be “a target.”\n\n"
        "The Russian diplomat added: “We have warned them.”\n"
    )
    assert got == [
        ("reckless.", "maria-zakharova"),
        ("a target.", "ivan-sorokin"),
        ("We have warned them.", "ivan-sorokin"),
    ]


def test_a_description_after_an_unnamed_person_of_that_role_is_nobody_curated() -> None:
    got = speakers(
        "Missiles\n\n"
        "A spokesperson for the German government declined to comment on the report. "
        "“We do not discuss intelligence matters,” the spokesperson said.\n\n"
        "Kremlin spokesman Dmitry Peskov disagreed. “It is a provocation,” the spokesman said.\n"
    )
    assert got == [
        ("We do not discuss intelligence matters,", None),
        ("It is a provocation,", "dmitry-peskov"),
    ]


def test_a_signature_under_a_pull_quote_says_who_spoke() -> None:
    out = conv(
        "The end of arms control\n\nJane Roe\nMarch 3, 2025\n\n"
        "“Nobody will dictate the terms to us.”\n"
        "— Sergei Ryabkov, January 2025\n\n" + _PLAIN_BODY
    )
    assert out.article.title == "The end of arms control"
    assert "— Sergei Ryabkov, January 2025" in out.article.text
    assert (out.quotes[0].text, out.quotes[0].speaker_id) == (
        "Nobody will dictate the terms to us.",
        "sergey-ryabkov",
    )


def test_a_question_of_a_printed_interview_is_no_headline() -> None:
    out = conv(
        "Interview on arms control\n\n"
        "Anatoly Antonov spoke to us about the treaty.\n\n"
        "Q: Is the treaty dead?\n\n"
        "A: It is in intensive care, but it is not dead yet, and we will do what we can.\n"
    )
    assert out.article.title == "Interview on arms control"


def test_i_in_an_answer_of_a_printed_interview_is_the_person_interviewed() -> None:
    got = speakers(
        "Interview on arms control\n\n"
        "Anatoly Antonov, Russia's ambassador, spoke to us about the treaty.\n\n"
        "Q: What did you tell the Americans?\n\n"
        "A: I told them: “Inspections need trust.” Nothing has changed since.\n"
    )
    assert got == [("Inspections need trust.", "anatoly-antonov")]


def test_a_headline_quote_after_a_speaker_label_is_a_fragment() -> None:
    out = conv(
        "Ryabkov: “We will not pay for the extension with concessions”\n\n"
        "Deputy Foreign Minister Sergei Ryabkov told a newspaper that Moscow would not agree "
        "to freeze its arsenal in exchange for a one-year extension of the treaty.\n"
    )
    q = out.quotes[0]
    assert (q.speaker_id, q.in_headline, q.is_partial) == ("sergey-ryabkov", True, True)
    out = conv(
        "“No winners in a nuclear war” – Ryabkov\n\n"
        "Deputy Foreign Minister Sergei Ryabkov repeated on Tuesday that a nuclear war cannot "
        "be won and must never be fought.\n"
    )
    q = out.quotes[0]
    assert (q.speaker_id, q.in_headline, q.is_partial) == ("sergey-ryabkov", True, False)


def test_a_quote_opening_a_sentence_that_goes_on_after_it_is_a_fragment() -> None:
    out = conv(
        "Treaty exit\n\n"
        "“The absence of any progress in the consultations” forced Moscow to act, the "
        "Foreign Ministry said in a statement on Friday.\n\n"
        "“We will act,” Lavrov said.\n\n"
        "“A dead end” said Ryabkov of the talks.\n"
    )
    got = [(q.text, q.is_partial) for q in out.quotes]
    assert got == [
        ("The absence of any progress in the consultations", True),
        ("We will act,", False),
        ("A dead end", False),
    ]


def test_a_bare_abm_names_the_treaty_but_not_the_weapons() -> None:
    from lavrov_corpus.extract.treaties import tag_treaties

    got = tag_treaties("Washington tore up one pact after another, from the ABM to the INF.")
    assert [(m.text, m.treaty_id) for m in got] == [("ABM", "abm"), ("INF", "inf")]
    for text in ("Russia criticised the US ABM shield in Europe.", "new ABM sites in Poland"):
        assert tag_treaties(text) == [], text


def test_who_after_a_name_and_its_apposition() -> None:
    got = speakers(
        "EU reaction\n\n"
        "Foreign Minister Sergey Lavrov spoke first. The reply came from Kaja Kallas, the "
        "EU's top diplomat, who called the offer “a familiar playbook.”\n"
    )
    assert got == [("a familiar playbook.", "kaja-kallas")]


def test_a_surname_of_a_person_named_before_opens_a_sentence_as_its_subject() -> None:
    got = speakers(
        "Talks in Minsk\n\n"
        "Foreign Minister Sergey Lavrov, meeting his counterpart Oleg Marchuk, said the talks "
        "were “useful.”\n\n"
        "Marchuk struck a cautious note. “We need time,” he said.\n"
    )
    assert got == [("useful.", "sergey-lavrov"), ("We need time,", "oleg-marchuk")]


def test_a_name_with_a_title_after_a_comma_is_a_byline() -> None:
    from lavrov_corpus.extract import furniture as fu

    for line in ("Antony J. Blinken, Secretary of State", "Jane Doe, Moscow Correspondent"):
        assert fu.is_byline(line), line
    for line in ("Lavrov, Blinken meet in Geneva", "Sergey Lavrov, Russia and the West"):
        assert not fu.is_byline(line), line
    out = conv(
        "Press Statement\n\nRussia's breach of the inspection rules\n\n"
        "Mary Ross, Secretary of State\nJanuary 31, 2023\n\n" + _PLAIN_BODY
    )
    assert out.article.title == "Russia's breach of the inspection rules"


def test_a_breadcrumb_from_home_is_a_menu_whatever_its_items() -> None:
    from lavrov_corpus.extract import furniture as fu

    assert fu.is_menu("Home > Office of the Spokesperson > Press Releases")
    assert fu.is_menu("Home / Newsroom / Statements and Remarks by the Minister")
    assert not fu.is_menu("Home truths > political spin, says Lavrov")
    out = conv(
        "Home > Office of the Spokesperson > Press Releases\n\n"
        "Russia's breach of the inspection rules\n\nPress Statement\n"
        "January 31, 2023\n\n" + _PLAIN_BODY
    )
    assert out.article.title == "Russia's breach of the inspection rules"


def test_government_sites_are_outlets_of_their_own_pages() -> None:
    for site, want in (
        ("U.S. Department of State", "U.S. Department of State"),
        ("President of Russia", "President of Russia"),
    ):
        out = conv(f"{site}\n\nMoscow shelves arms talks\n\n" + _PLAIN_BODY)
        assert out.article.outlet == want, site


def test_an_official_title_ending_in_its_date_gives_the_date() -> None:
    out = conv(
        "Deputy Minister Sergey Ryabkov's remarks at a briefing on strategic stability, "
        "Moscow, March 3, 2025\n\n" + _PLAIN_BODY
    )
    assert str(out.article.published) == "2025-03-03"
    out = conv("Russia and the US sign a pact in Prague on April 8, 2010\n\n" + _PLAIN_BODY)
    assert out.article.published is None  # an event in the headline, not after a comma


def test_a_quote_after_a_colon_paragraph_about_a_person_is_theirs() -> None:
    got = speakers(
        "Blog\n\n"
        "Ryabkov, who led the delegation, gave a long briefing afterwards. The passage that "
        "matters, as I wrote it down:\n\n"
        "“We will not accept limits that bind only us.”\n"
    )
    assert got == [("We will not accept limits that bind only us.", "sergey-ryabkov")]


def test_a_possessive_opening_a_sentence_is_whom_a_later_he_means() -> None:
    got = speakers(
        "Prague\n\n"
        "Foreign Minister Sergey Lavrov spoke first. “We are satisfied,” he added.\n\n"
        "Antony Blinken's tone was warmer. “This is a good day,” he said.\n"
    )
    assert got == [
        ("We are satisfied,", "sergey-lavrov"),
        ("This is a good day,", "antony-blinken"),
    ]


def test_a_headline_quote_is_whole_only_when_the_headline_is_the_quote_and_its_speaker() -> None:
    for headline, partial in (
        ("'Not our choice': Ryabkov says Moscow was forced to act", True),
        ("“We were forced to act” – Ryabkov", False),
        ("“We were forced to act,” Ryabkov says", False),
    ):
        out = conv(
            headline + "\n\nDeputy Foreign Minister Sergei Ryabkov said on Monday that the "
            "decision was “not our choice” and that Moscow had been forced to act.\n"
        )
        q = out.quotes[0]
        assert (q.in_headline, q.speaker_id, q.is_partial) == (True, "sergey-ryabkov", partial)


def test_blamed_reports_words_and_an_envoy_may_be_the_ambassador_named_later() -> None:
    out = conv(
        "Nuclear talks in Vienna stall again\n\n"
        "Iran's envoy blamed “Western pressure” for the delay, diplomats reported.\n\n"
        "By Ann Lee\nMay 2, 2024\n\n"
        "The talks in Vienna broke up on Thursday without a date for the next round, the third "
        "such setback since the start of the year.\n\n"
        "Iran's ambassador to the agency, Reza Karimi, told reporters that the impasse was "
        "caused by “Western pressure and broken promises.”\n"
    )
    got = [(q.text, q.speaker_id) for q in out.quotes]
    assert got == [
        ("Western pressure", "reza-karimi"),
        ("Western pressure and broken promises.", "reza-karimi"),
    ]


def test_new_start_printed_in_title_case_is_the_treaty() -> None:
    from lavrov_corpus.extract.treaties import tag_treaties

    got = tag_treaties("Putin offered to respect the New Start limits for a year.")
    assert [(m.text, m.treaty_id) for m in got] == [("New Start", "new-start")]
    for text in ("Biden And Putin Seek A New Start", "a new start for relations"):
        assert tag_treaties(text) == [], text


def test_comments_after_a_short_body_and_a_russian_comments_header() -> None:
    for header in ("Комментарии (14)", "Comments (3)"):
        out = conv(
            "Ryabkov sees no basis for talks\n\n"
            "Deputy Foreign Minister Sergei Ryabkov said on Wednesday that Moscow saw no basis "
            "for talks with Washington on a new treaty.\n\n"
            "“Nothing has changed,” he told reporters.\n\n"
            f"{header}\nИван: «Всё правильно» — и точка.\nann: “so true”\nbob: agree\n"
            "cat: “no way”\ndan: “sad”\n"
        )
        assert [q.text for q in out.quotes] == ["Nothing has changed,"], header


def test_channel_prompts_and_russian_read_more_links_are_furniture() -> None:
    from lavrov_corpus.extract import furniture as fu

    for line in (
        "Join ST's Telegram channel and get the latest breaking news delivered to you.",
        "Подписывайтесь на РИА Новости в Telegram",
        "Join us on WhatsApp for daily updates",
    ):
        assert fu.is_banner(line), line
    assert fu.is_nav("Читать далее")
    line = "“We invite everyone to join our initiative,” Lavrov said."
    assert not fu.is_banner(line) and not fu.is_prompt_or_footer(line)


def test_a_name_printed_in_capitals_is_a_person() -> None:
    got = speakers(
        "Council debate\n\n"
        "MARTA SOLVIK, Special Envoy for Disarmament, said the risk was “higher than ever.”\n"
    )
    assert got == [("higher than ever.", "marta-solvik")]


def test_a_participle_after_a_verb_of_nobody_named_is_nobodys() -> None:
    got = speakers(
        "Talks\n\n"
        "The ministry said Lavrov had met Blinken in Geneva, adding that the talks were "
        "“useful.”\n\n"
        "Ryabkov met the US envoy in Vienna, calling the meeting “constructive.”\n"
    )
    assert got == [("useful.", None), ("constructive.", "sergey-ryabkov")]


def test_separators_read_more_about_and_contribute_prompts_are_furniture() -> None:
    from lavrov_corpus.extract import furniture as fu

    for line in ("___", "* * *", "---", "——"):
        assert fu.is_nav(line), line
    assert fu.related_label("Read more about: Arms control , Kremlin , U.S.") == "inline"
    assert fu.is_banner("Contribute today")
    assert not fu.is_nav("Russia - US")


def test_company_copyright_lines_name_their_outlet_or_nobody() -> None:
    bare = "Moscow shelves arms talks\n\n" + _PLAIN_BODY
    for footer, want in (
        ("© 2025 Cable News Network. A Warner Bros. Discovery Company.", "CNN"),
        ("© 2005–2025 TV-Novosti. All rights reserved.", None),
        ("© 2025 Sky UK", None),
    ):
        assert conv(bare + footer + "\n").article.outlet == want, footer


def test_a_name_right_after_calling_of_nobody_named_is_a_scare_term() -> None:
    out = conv(
        "Talks\n\n"
        "Delegates gathered for what everyone in Geneva is calling “the last round” of talks.\n\n"
        "He defended what the ministry still calls its “peace plan” for the region.\n"
    )
    got = [(q.text, q.speaker_id, q.is_partial, q.is_scare) for q in out.quotes]
    assert got == [("the last round", None, False, True), ("peace plan", None, True, False)]


def test_a_sentence_opened_by_a_role_description_makes_its_person_the_subject() -> None:
    text = (
        "Talks end without progress\n\n"
        "Foreign Minister Sergey Lavrov met Secretary of State Antony Blinken in Geneva.\n\n"
        "Blinken, who spoke with reporters afterwards, said the two had discussed "
        "\u201cthe full range of issues.\u201d\n\n"
        "The Russian minister gave a different account of the meeting. \u201cWe heard the same "
        "demands as before,\u201d he told journalists.\n"
    )
    got = dict(speakers(text))
    assert got["We heard the same demands as before,"] == "sergey-lavrov"
    assert got["the full range of issues."] == "antony-blinken"


def test_headline_name_with_its_setting_before_the_colon_is_the_speaker() -> None:
    body = (
        "\n\nThe minister answered questions from students for an hour and spoke about "
        "arms control, sanctions and trade with Asia.\n"
    )
    got = speakers("Lavrov at university: \u2018Arms control is not dead\u2019" + body)
    assert got == [("Arms control is not dead", "sergey-lavrov")]
    # a list of people before the colon is no single speaker
    assert (
        speakers("Lavrov, Blinken and others in Geneva: \u2018a dead end\u2019" + body)[0][1]
        is None
    )


def test_and_i_quote_after_a_cue_keeps_the_quote_whole() -> None:
    out = conv(
        "Minister recalls the summit\n\n"
        "Foreign Minister Sergey Lavrov spoke to students on Friday. President Vladimir Putin "
        "said, and I quote, \u201cNo agreement is better than a bad agreement.\u201d That is "
        "still our position.\n"
    )
    (q,) = out.quotes
    assert q.speaker_id == "vladimir-putin" and not q.is_partial


def test_a_term_people_call_something_is_their_reported_term() -> None:
    out = conv(
        "Talks stall\n\n"
        "The envoy said Moscow had asked for written guarantees. It received only what they "
        "call \u201cgood intentions\u201d and nothing on paper.\n"
    )
    (q,) = out.quotes
    assert q.is_partial and not q.is_scare and q.speaker_id is None


def test_a_post_heading_of_a_label_and_an_unpunctuated_quote_is_a_fragment() -> None:
    out = conv(
        "Summit live: leaders meet in Geneva\n\n"
        "Putin: 'We are open to a deal'\n\n"
        "Vladimir Putin told reporters that Russia was open to a deal on arms control if "
        "Washington dropped its conditions.\n\n"
        "Lavrov: \u201cWe came here to listen.\u201d\n"
    )
    got = {q.text: q.is_partial for q in out.quotes}
    assert got == {"We are open to a deal": True, "We came here to listen.": False}


def test_a_kicker_quote_is_whoever_says_its_words_in_the_body() -> None:
    body = (
        "\n\nBerlin rejected the plan on Tuesday. German Chancellor Olaf Scholz said: "
        "\u201cThis is the start of an arms race, and we will not take part in it.\u201d\n\n"
        "Foreign Minister Sergey Lavrov said Russia would respond to any deployment.\n"
    )
    head = "\u2018Arms race\u2019: Berlin rejects the plan as Lavrov warns Europe"
    assert speakers(head + body)[0] == ("Arms race", "olaf-scholz")
    # with no body quote holding the words, the headline's cue still speaks
    assert speakers(
        "\u2018Grave mistake\u2019: Berlin rejects the plan as Lavrov warns Europe" + body
    )[0] == ("Grave mistake", "sergey-lavrov")


def test_a_quote_in_the_standfirst_is_whoever_says_its_words_in_the_body() -> None:
    text = (
        "Washington to quit the surveillance flights treaty\n\n"
        "Moscow calls the decision a \u2018blow\u2019 to security in Europe\n\n"
        "The United States said on Thursday that it would leave the treaty in six months.\n\n"
        "Deputy Foreign Minister Sergei Ryabkov called the decision \u201ca blow to security "
        "in Europe\u201d and said Russia had broken no rules.\n"
    )
    assert speakers(text)[0] == ("blow", "sergey-ryabkov")


def test_a_quoted_proper_name_before_a_common_noun_is_a_name_not_words() -> None:
    out = conv(
        "Drills\n\n"
        "Foreign Minister Sergey Lavrov warned Tokyo and Seoul against their joint "
        "\u201cPacific Shield\u201d naval exercises near the Kuril Islands.\n\n"
        "He also said the West's \u201cGolden Dome\u201d would start \u201cA New Race\u201d "
        "in space.\n"
    )
    got = [(q.text, q.speaker_id, q.is_partial, q.is_scare) for q in out.quotes]
    assert got == [
        ("Pacific Shield", None, False, True),
        # a name with no noun after it may be the speaker's words: left to the other rules
        ("Golden Dome", "sergey-lavrov", True, False),
        ("A New Race", "sergey-lavrov", True, False),
    ]


def test_a_name_after_a_companion_description_is_not_the_subject() -> None:
    text = (
        "Ministers meet\n\n"
        "Finnish President Alexander Stubb, standing next to Germany's chancellor, Friedrich "
        "Merz, said Europe needed \u201ca plan of its own.\u201d\n\n"
        "Russia's envoy in Vienna, Mikhail Ulyanov, wrote that the plan was \u201cdead.\u201d\n"
    )
    assert speakers(text) == [
        ("a plan of its own.", "alexander-stubb"),
        ("dead.", "mikhail-ulyanov"),
    ]


def test_he_after_an_unnamed_person_opening_the_sentence_is_that_person() -> None:
    text = (
        "Test ban\n\n"
        "Kremlin spokesman Dmitry Peskov said the vote changed nothing.\n\n"
        "An Austrian expert who monitored the talks for years told the paper that Moscow "
        "had a plan. \u201cThey can test within months,\u201d he said.\n\n"
        "A senior Russian diplomat, Sergei Ryabkov, told the paper that it did not. "
        "\u201cNo test is planned,\u201d he said.\n"
    )
    assert speakers(text) == [
        ("They can test within months,", None),
        ("No test is planned,", "sergey-ryabkov"),
    ]


def test_a_verb_whose_printed_subject_is_no_person_keeps_its_quote() -> None:
    text = (
        "Sanctions return\n\n"
        "Foreign Minister Sergey Lavrov said Moscow would ignore the measures, while Brussels "
        "warned of \u201cserious costs\u201d for anyone helping Tehran.\n"
    )
    assert speakers(text) == [("serious costs", None)]


def test_a_standfirst_above_the_date_line_takes_the_speaker_of_its_body_quote() -> None:
    out = conv(
        "Moscow rejects sanctions\n\n"
        "Russia's top diplomat says the measures are void, as Tehran warns of "
        "\u201cgrave consequences\u201d.\n\n"
        "12 MAR 2025\n\n"
        "Foreign Minister Sergey Lavrov said on Monday that the measures were void.\n\n"
        "Iranian Foreign Minister Abbas Araghchi said the move would have \u201cgrave "
        "consequences\u201d for cooperation with inspectors.\n"
    )
    assert out.article.standfirst is not None and out.article.standfirst.startswith("Russia")
    assert [(q.text, q.speaker_id) for q in out.quotes] == [
        ("grave consequences", "abbas-araghchi"),
        ("grave consequences", "abbas-araghchi"),
    ]


def test_a_nationality_adjective_matches_the_country_in_the_possessive() -> None:
    text = (
        "Talks in Ottawa\n\n"
        "Lavrov's spokeswoman Maria Zakharova spoke after a meeting between NATO's chief and "
        "Canada's foreign minister, Melanie Joly, on Friday.\n\n"
        "The Canadian minister said the alliance would \u201cnot be intimidated.\u201d\n\n"
        "Seoul's envoy, Park Jin, had earlier told reporters that the South Korean "
        "government was \u201cready to talk.\u201d The envoy from South Korea said so twice.\n"
    )
    assert speakers(text) == [
        ("not be intimidated.", "melanie-joly"),
        ("ready to talk.", "park-jin"),
    ]


def test_a_headline_word_in_another_inflection_is_the_body_speakers() -> None:
    body = (
        "\n\nThe talks in Vienna ended without agreement on Friday.\n\n"
        "Mikhail Ulyanov, Russia's envoy, said the deal had been \u201cabandoned by "
        "Washington.\u201d\n"
    )
    assert speakers("Moscow accuses US of \u2018abandoning\u2019 deal" + body)[0] == (
        "abandoning",
        "mikhail-ulyanov",
    )
    # one short word is too common to say whose it is
    short = body.replace("abandoned by", "a vote by")
    assert speakers("Moscow accuses US of \u2018voted\u2019 deal" + short)[0] == ("voted", None)


def test_a_call_to_action_or_two_sentence_blurb_above_the_headline_is_not_the_headline() -> None:
    body = (
        "\n\nNews · 3 May 2024\n\nLavrov warns Europe over missile plans\n\n"
        "Foreign Minister Sergey Lavrov said on Friday that Moscow would respond to any "
        "deployment of new missiles in Europe.\n"
    )
    for banner in (
        "We are an independent newsroom. Our site is blocked in Russia. Donate",
        "Read our investigation into the arms trade in full →",
    ):
        assert conv(banner + body).article.title == "Lavrov warns Europe over missile plans"


def test_a_copyright_line_with_the_holder_before_the_sign_names_the_outlet() -> None:
    bare = "Moscow shelves arms talks\n\n" + _PLAIN_BODY
    for footer in (
        "Harbour Daily Post. All rights reserved © 2015",
        "Harbour Daily Post © 2014-2024. All rights reserved.",
    ):
        assert conv(bare + footer + "\n").article.outlet == "Harbour Daily Post", footer
    # a caption's credit is no copyright line
    assert conv(bare + "Delegates in Vienna. Harbour Daily Post © 2015\n").article.outlet is None


def test_a_header_date_line_opening_like_a_dateline_is_the_date_not_the_body() -> None:
    out = conv(
        "HARBOUR WIRE\n\n"
        "Lavrov says Moscow no longer bound by arms limits\n\n"
        "HARBOUR WIRE - Mar 3, 2026 - 10:15 | World, Asia\n\n"
        "MOSCOW - Foreign Minister Sergey Lavrov said on Tuesday that Moscow no longer "
        "considered itself bound by any limits on strategic arms.\n"
    )
    assert out.article.published is not None and out.article.published.isoformat() == "2026-03-03"
    assert out.article.title == "Lavrov says Moscow no longer bound by arms limits"
    assert out.article.text.split("\n\n")[1].startswith("MOSCOW - Foreign")


def test_a_party_tag_after_a_name_does_not_hide_the_subject() -> None:
    text = (
        "Senate reacts\n\n"
        "Sen. Jeanne Shaheen (D-N.H.), a member of the Foreign Relations Committee, called "
        "the decision \u201ca gift to Moscow.\u201d\n"
    )
    assert speakers(text) == [("a gift to Moscow.", "jeanne-shaheen")]


def test_a_row_of_several_word_hashtags_is_furniture() -> None:
    out = conv(
        "Moscow shelves arms talks\n\n" + _PLAIN_BODY + "Keywords\n\n#Lavrov #Kim Yo Jong "
        "#N. Korea-Russia #NPT\n"
    )
    assert "#" not in out.article.text and out.article.mentions == []


def test_the_statement_said_is_whoever_issued_the_statement() -> None:
    text = (
        "Talks collapse\n\n"
        "Foreign Minister Sameh Shoukry said in a statement on Friday that Cairo regretted "
        "the result.\n\n"
        "\u201cWe negotiated in good faith until the very end,\u201d the statement said.\n\n"
        "The Arab League also issued a statement. \u201cThe region deserves better,\u201d the "
        "statement said.\n"
    )
    out = conv(text)
    got = [(q.text, q.speaker_id, q.speaker_mention) for q in out.quotes]
    assert got == [
        ("We negotiated in good faith until the very end,", "sameh-shoukry", "the statement"),
        ("The region deserves better,", None, None),
    ]


def test_a_possessors_complaint_about_a_quoted_term_is_their_word() -> None:
    text = (
        "Minsk visit\n\n"
        "Foreign Minister Sergey Lavrov, speaking in Minsk, repeated his usual complaint about "
        "Western \u00abhypocrisy\u00bb on arms control.\n"
    )
    (q,) = conv(text).quotes
    assert (q.speaker_id, q.is_partial, q.is_scare) == ("sergey-lavrov", True, False)


def test_a_comments_link_in_the_header_does_not_cut_the_article() -> None:
    out = conv(
        "Moscow suspends arms treaty\n\n"
        "Russian leader pulls back from the last remaining nuclear arms pact with Washington "
        "but says the limits still hold for now\n\n"
        "Jane Doe\nTuesday 21 February 2023 18:42 GMT\n\nComments\n\n" + _PLAIN_BODY
    )
    assert [q.text for q in out.quotes] == ["simply not there."]


def test_a_day_first_dateline_with_a_colon_gives_the_date() -> None:
    a = conv(
        "Putin calls exit a mistake\n\nMOSCOW, 14 December 2001: President Vladimir Putin "
        "said on Thursday that the decision was a mistake.\n"
    ).article
    assert (a.dateline_place, str(a.published)) == ("MOSCOW", "2001-12-14")


def test_all_rights_reserved_is_no_copyright_holder() -> None:
    bare = "Moscow shelves arms talks\n\n" + _PLAIN_BODY
    assert conv(bare + "© 2025 All rights reserved.\n").article.outlet is None


def test_a_body_wrapped_by_hand_under_long_unwrapped_header_lines_is_joined() -> None:
    body = (
        "Iran's parliament voted overwhelmingly on Wednesday to suspend\n"
        "cooperation with the International Atomic Energy Agency, a move that\n"
        "Russia's envoy in Vienna called \"the predictable result of Western\n"
        'pressure" and that critics said would leave inspectors in the dark.\n\n'
        "The bill, approved by 221 lawmakers with one abstention, makes any\n"
        "future inspection subject to approval by the Supreme National Security\n"
        "Council. Speaker Mohammad Ghalibaf said the agency had failed to act\n"
        "when it was needed most, and that trust would take years to rebuild.\n"
    )
    head = (
        "Iran's parliament votes to curb IAEA cooperation as Russia blames the West\n\n"
        "Tehran's lawmakers make inspections subject to security council approval after the "
        "June strikes; the agency says it cannot account for the uranium\n\n"
        "Iranian lawmakers attend an open session of parliament in Tehran, June 25, 2025. "
        "Photo by A. Person/AFP via Getty Images.\n\n"
    )
    paras = conv(head + body).article.text.split("\n\n")
    assert any(
        p.startswith("Iran's parliament voted") and p.endswith("in the dark.") for p in paras
    )
    assert any(p.startswith("The bill") and p.endswith("years to rebuild.") for p in paras)


def test_malaysian_honorifics_are_titles_and_an_apostrophe_name_is_a_name() -> None:
    text = (
        "Talks in Kuala Lumpur\n\n"
        "Foreign Minister Datuk Seri Utama Mohamad Hasan said the region must stay "
        "\u201cfree from nuclear weapons\u201d.\n\n"
        "\u201cThe treaty kept us safe through the '70s,\u201d said Dr Aoife O'Neill, who "
        "lectures in Dublin.\n"
    )
    assert speakers(text) == [
        ("free from nuclear weapons", "mohamad-hasan"),
        ("The treaty kept us safe through the '70s,", "aoife-o-neill"),
    ]


def test_a_first_name_cued_before_the_long_full_name_is_resolved() -> None:
    text = (
        "ASEAN talks\n\n"
        "Malaysia's Foreign Minister Datuk Seri Utama Mohamad Hasan, who met Lavrov on Friday, "
        "said the region must stay \u201cfree from nuclear weapons\u201d.\n\n"
        "\u201cWe told our Russian friend, as we told our American friends, that the treaty "
        "matters,\u201d Mohamad said.\n"
    )
    assert [sid for _, sid in speakers(text)] == ["mohamad-hasan", "mohamad-hasan"]


def test_coordinated_verbs_repeated_and_time_words_between_subject_and_verb() -> None:
    text = (
        "Talks in Athens\n\n"
        "Greek Foreign Minister Nikos Dendias met Foreign Minister Sergey Lavrov on Monday.\n\n"
        "Dendias, who has spent the autumn touring capitals, thanked the guest and spoke of "
        "\u201ca fresh chapter\u201d in relations.\n\n"
        "Lavrov repeated Moscow's offer to talk \u201cwithout any preconditions.\u201d\n\n"
        "US National Security Adviser Robert O'Brien last week called that offer "
        "\u201ca non-starter\u201d.\n\n"
        "He defended what the Kremlin still calls its \u201cspecial operation\u201d and blamed "
        "the West.\n"
    )
    assert speakers(text) == [
        ("a fresh chapter", "nikos-dendias"),
        ("without any preconditions.", "sergey-lavrov"),
        ("a non-starter", "robert-o-brien"),
        ("special operation", None),
    ]


def test_a_site_list_under_a_hard_wrapped_body_is_furniture() -> None:
    body = (
        "Russia and the United States agreed on Wednesday to extend the last\n"
        "treaty limiting their strategic arsenals for five more years, the\n"
        "Kremlin said, after weeks of talks between the two capitals that\n"
        "officials on both sides described as difficult but businesslike.\n\n"
        'Deputy Foreign Minister Sergei Ryabkov said the deal was "a pause,\n'
        'not a solution," and that Moscow expected talks on a successor to\n'
        "start within months rather than years, as Washington had proposed.\n\n"
    )
    out = conv(
        "Moscow and Washington extend arms treaty\n\n" + body + "MOST POPULAR\n"
        "Senator: the extension is 'a gift to Moscow'\nPelosi says 'enemy is within' the House\n"
    )
    assert [q.text for q in out.quotes] == ["a pause, not a solution,"]


def test_a_description_prefers_the_latest_sentence_subject_to_an_earlier_cued_person() -> None:
    text = (
        "Treaty extended\n\n"
        "Foreign Minister Sergey Lavrov said on Tuesday that the extension was welcome.\n\n"
        "Deputy Foreign Minister Sergei Ryabkov, Russia's point man on arms control, was more "
        "guarded. \u201cFive years is not forever,\u201d the diplomat told news agencies.\n"
    )
    assert speakers(text) == [("Five years is not forever,", "sergey-ryabkov")]


def test_a_description_fits_a_titled_person_whose_nationality_is_unsaid() -> None:
    text = (
        "Envoy speaks\n\n"
        "Ambassador Ivan Petrovsky met reporters in Geneva on Monday.\n\n"
        "\u201cWe will not sign anything this year,\u201d the Russian envoy said.\n"
    )
    assert speakers(text) == [("We will not sign anything this year,", "ivan-petrovsky")]


def test_a_verb_of_nobody_far_from_the_quote_or_after_and_does_not_take_it() -> None:
    text = (
        "Missiles\n\n"
        "Foreign Minister Sergey Lavrov noted that the moratorium Russia had announced on such "
        "missiles was \u00abno longer realistic\u00bb after the decision.\n\n"
        "Iranian Foreign Minister Abbas Araghchi has called the attack \u201csabotage,\u201d and "
        "Iran responded by enriching more uranium.\n"
    )
    assert speakers(text) == [
        ("no longer realistic", "sergey-lavrov"),
        ("sabotage,", "abbas-araghchi"),
    ]


def test_header_dates_year_first_with_dots_two_digit_years_and_the_ledes_weekday() -> None:
    def published(header: str, lede_day: str = "Friday") -> str:
        return str(
            conv(
                "Moscow extends arms treaty for five years\n\n" + header + "\n\n"
                f"Russia and the United States on {lede_day} extended the last treaty capping "
                "their strategic arsenals, two days before it was due to expire.\n"
            ).article.published
        )

    assert published("2022.04.14 14:20 · Updated 2 hours ago") == "2022-04-14"
    assert published("BY JANE ROE - 12/25/20 11:20 AM EST") == "2020-12-25"
    # 02/03/21 is 3 February (a Wednesday) or 2 March (a Tuesday): the lede's weekday decides
    assert published("BY JANE ROE - 02/03/21 11:20 AM EST", "Wednesday") == "2021-02-03"
    assert published("BY JANE ROE - 02/03/21 11:20 AM EST", "Tuesday") == "2021-03-02"
    # neither: only the year both readings share is known (year precision)
    assert published("BY JANE ROE - 02/03/21 11:20 AM EST", "Friday") == "2021-01-01"


def test_a_copyright_line_opening_with_all_rights_reserved_names_the_outlet() -> None:
    bare = "Moscow shelves arms talks\n\n" + _PLAIN_BODY
    line = "All rights reserved © 2018 Harbour Daily Post\n"
    assert conv(bare + line).article.outlet == "Harbour Daily Post"


def test_a_month_after_last_and_a_description_before_a_participle() -> None:
    text = (
        "Vienna talks\n\n"
        "Russia's envoy in Vienna, Mikhail Ulyanov, arrived on Monday.\n\n"
        "The talks ended with Russia's envoy saying the sides had made "
        "\u201creal progress\u201d.\n\n"
        "Foreign Minister Sergey Lavrov last October dismissed the offer as "
        "\u201cunacceptable,\u201d and the talks stalled.\n"
    )
    assert speakers(text) == [
        ("real progress", "mikhail-ulyanov"),
        ("unacceptable,", "sergey-lavrov"),
    ]


def test_also_worth_reading_heads_a_list_of_links() -> None:
    out = conv(
        "Moscow shelves arms talks\n\n" + _PLAIN_BODY + "Also worth reading\n"
        "Commentary: Europe loses its 'eyes in the sky'\nBiden team signals 'clean' New START "
        "extension\n"
    )
    assert [q.text for q in out.quotes] == ["simply not there."]
    assert out.article.mentions == []


def test_the_minister_is_not_a_prime_minister_named_earlier() -> None:
    text = (
        "Baltic warning\n\n"
        "Former Russian Prime Minister Dmitry Medvedev said Moscow would \u201crestore the "
        "balance\u201d.\n\n"
        "Asked about the threat, the minister said it was \u201cnothing new\u201d. Foreign "
        "Minister Gabrielius Landsbergis spoke in Vilnius.\n"
    )
    assert speakers(text)[1] == ("nothing new", "gabrielius-landsbergis")


def test_a_live_page_post_with_its_byline_is_body_and_its_heading_no_headline() -> None:
    out = conv(
        "THE DAILY WIRE\n\nLIVEBLOG \u00b7 MAY 09, 2018\n\n"
        "Russia slams US exit from Iran deal as Netanyahu lauds Trump\u2019s \u2018bold\u2019 move"
        "\n\n9:05 am\nNetanyahu: Israel fully backs Trump\u2019s decision\n\n"
        "Prime Minister Benjamin Netanyahu praises US President Donald Trump\u2019s \u201cbold "
        "leadership\u201d in walking away from the deal, calling it a historic step.\n\n"
        "By Jane Roe\n\n10:20 am\nMoscow \u2018deeply disappointed\u2019\n\n"
        "Russia\u2019s Foreign Ministry says in a statement that it is disappointed by the "
        "decision and will talk to the Europeans.\n"
    )
    assert out.article.title is not None and out.article.title.startswith("Russia slams")
    got = [(q.text, q.speaker_id) for q in out.quotes]
    # the possessive is whose move it is, not whose word: the body's speaker says it
    assert got[0] == ("bold", "benjamin-netanyahu")
    assert ("bold leadership", "benjamin-netanyahu") in got


def test_a_row_of_story_tools_is_furniture_not_the_headline() -> None:
    out = conv(
        "Bush Pulls Out Of ABM Treaty; Putin Calls It A 'Mistake'\n\n"
        "December 13, 2001 / 7:55 PM / CBS\n\nE-mail This Story | Printable Version\n\n"
        + _PLAIN_BODY
    )
    assert out.article.title == "Bush Pulls Out Of ABM Treaty; Putin Calls It A 'Mistake'"
    assert "Printable Version" not in out.article.text


def test_one_letter_between_apostrophes_and_an_interview_headline() -> None:
    out = conv(
        "Lavrov to Gulf Daily: Europe\u2019s move is \u2018legal nonsense\u2019\n\n"
        "Foreign Minister Sergey Lavrov said friendship with the Arab world is like rock 'n' "
        "roll: it never goes out of fashion, and called the move \u201clegal nonsense\u201d.\n"
    )
    assert [(q.text, q.speaker_id) for q in out.quotes] == [
        ("legal nonsense", "sergey-lavrov"),
        ("legal nonsense", "sergey-lavrov"),
    ]


def test_one_letter_pair_inside_a_single_quoted_span_does_not_close_it() -> None:
    from lavrov_corpus.extract.quotes import find_quotes

    for text, want in [
        ("Senator: 'Same old rock 'n' roll'", ["Same old rock 'n' roll"]),
        (
            "He said \u2018rock \u2019n\u2019 roll is dead\u2019 and left.",
            ["rock \u2019n\u2019 roll is dead"],
        ),
        ("'Yes,' he said. 'No.'", ["Yes,", "No."]),
    ]:
        assert [text[q.start : q.end] for q in find_quotes(text, [(0, len(text))])] == want


def test_a_possessive_first_mention_names_the_person_without_its_s() -> None:
    text = (
        "Treaty exit\n\n"
        "The minister said President Jonathan Q. Example\u2019s decision was a mistake. In the "
        "capital, Mr. Example defended it. \u201cThe treaty was written for another world,\u201d"
        " Mr. Example said.\n"
    )
    assert speakers(text) == [("The treaty was written for another world,", "jonathan-q-example")]


def test_a_capitalised_determiner_does_not_start_a_name() -> None:
    for group in ("Our American colleagues", "Those European partners", "Their British friends"):
        text = f"Talks\n\nThe talks failed. {group} kept telling us: \u201cLet us wait.\u201d\n"
        assert speakers(text) == [("Let us wait.", None)]


def _flags(text: str) -> list[tuple[str, str | None, bool, bool]]:
    return [(q.text, q.speaker_id, q.is_partial, q.is_scare) for q in conv(text).quotes]


def test_a_body_s_own_term_after_what_it_called_or_made_clear_is_reported_by_nobody() -> None:
    text = (
        "Talks\n\nThe ministry said the decision could be reversed if Washington stopped what "
        "it called \u201chybrid aggression\u201d against Russia. Beijing again made clear it had "
        "\u201cno intention\u201d of joining. Critics mocked what the ministry has called "
        "\u201cpeace efforts\u201d this year.\n"
    )
    assert _flags(text) == [
        ("hybrid aggression", None, True, False),
        ("no intention", None, True, False),
        ("peace efforts", None, True, False),
    ]
    # a naming phrase with no one reporting stays a scare term
    assert _flags("Talks\n\nThe press calls it the \u201cdeal of the century\u201d now.\n") == [
        ("deal of the century", None, False, True)
    ]


def test_a_nobody_subject_in_a_that_clause_of_a_person_s_cue_is_that_person_s_report() -> None:
    text = (
        "Talks\n\nDeputy Foreign Minister Sergei Ryabkov said Washington had demanded more, and "
        "that Moscow had made it clear that \u201cwe are not going to beg anybody\u201d.\n"
    )
    assert speakers(text) == [("we are not going to beg anybody", "sergey-ryabkov")]
    # the body opening its own clause keeps its quote: nobody
    own = text.replace("and that Moscow had made it clear that", "and Moscow made it clear that")
    assert speakers(own) == [("we are not going to beg anybody", None)]


def test_headline_clause_after_the_colon_and_a_later_clause_have_their_own_speakers() -> None:
    text = (
        "Lavrov in Oslo: Hansen calls ties \u2018valued\u2019 as critics see a "
        "\u2018media coup\u2019\n\n"
        "Foreign Minister Eirik Hansen told journalists after talks with Sergey Lavrov that the "
        "relationship was \u201cvalued\u201d. Lavrov thanked his host.\n\n"
        "Dr Marit Olsen, a researcher in Bergen, called the visit \u201ca media coup for "
        "Moscow\u201d that Norway had handed over for nothing.\n"
    )
    got = speakers(text)
    assert got[:2] == [("valued", "eirik-hansen"), ("media coup", "marit-olsen")]


def test_kicker_quote_belongs_to_the_person_opening_the_clause_after_its_colon() -> None:
    text = (
        "\u2018We will match any test\u2019: Hansen spells out Oslo\u2019s red lines\n\n"
        "Norway will test only if others do, Defence Minister Eirik Hansen said in an interview, "
        "adding that Oslo would \u201cmatch\u201d any move.\n"
    )
    assert speakers(text)[0] == ("We will match any test", "eirik-hansen")
    # a body quote with the same words still decides whose they are
    body = text.replace(
        "adding that", "while Prime Minister Ola Berg said \u201cwe will match any test\u201d and"
    )
    assert speakers(body)[0] == ("We will match any test", "ola-berg")


def test_subject_after_an_opening_adverbial_is_whom_a_later_he_means() -> None:
    text = (
        "Treaty exit\n\n"
        "Foreign Minister Igor Ivanov said the step was wrong. At the United Nations in New York, "
        "Russia\u2019s ambassador, Sergei V. Lavrov, was blunter. \u201cNobody minded the "
        "cornerstone until this year,\u201d he told reporters.\n"
    )
    assert speakers(text) == [("Nobody minded the cornerstone until this year,", "sergey-lavrov")]
    # the name inside the adverbial is not the subject
    other = (
        "Treaty exit\n\nIgor Ivanov said the step was wrong. In a letter to Colin Powell, the "
        "ambassador was blunter. \u201cNobody minded it,\u201d he wrote.\n"
    )
    assert speakers(other) == [("Nobody minded it,", "igor-ivanov")]


def test_her_counterpart_is_the_other_party_not_her() -> None:
    text = (
        "Talks\n\nForeign Minister Anna Berg told journalists after talks with Sergey Lavrov "
        "that ties were good. \u201cWe talk to everyone,\u201d Berg said. She added nothing.\n\n"
        "Lavrov thanked his host. \u201cNobody asks you to take sides,\u201d her counterpart said."
        "\n"
    )
    assert speakers(text) == [
        ("We talk to everyone,", "anna-berg"),
        ("Nobody asks you to take sides,", "sergey-lavrov"),
    ]


def test_a_person_in_the_story_whose_title_omits_the_nationality_beats_a_later_name() -> None:
    text = (
        "Treaty exit\n\n"
        "Foreign Minister Igor Ivanov said on Thursday the pullout was regrettable.\n\n"
        "\u201cWe have disagreed on this for a year,\u201d the Russian minister said.\n\n"
        "At the United Nations, Russia\u2019s ambassador, Sergei Lavrov, said the council would "
        "not meet.\n"
    )
    assert speakers(text) == [("We have disagreed on this for a year,", "igor-ivanov")]


def test_a_title_printed_after_the_name_makes_a_person_for_pronouns_and_descriptions() -> None:
    text = (
        "Talks\n\nSpeaking with Sheikh Omar bin Saif Al Qasimi, the UAE\u2019s Minister of "
        "Foreign Affairs, Lavrov said the plan would start small. \u201cWe ask no one to choose,"
        "\u201d the Russian top diplomat said.\n\n"
        "Sheikh Omar welcomed the dialogue but said the region had concerns. \u201cOur region "
        "has paid a heavy price,\u201d he said.\n\n"
        "His Emirati counterpart, asked about the talks, said they were \u201cuseful\u201d.\n"
    )
    assert speakers(text) == [
        ("We ask no one to choose,", "sergey-lavrov"),
        ("Our region has paid a heavy price,", "omar-bin-saif-al-qasimi"),
        ("useful", "omar-bin-saif-al-qasimi"),
    ]


def test_an_unnamed_person_brought_in_after_a_fitting_one_is_whom_the_description_means() -> None:
    text = (
        "Talks\n\nWang Yi, China\u2019s top foreign policy official, said the talks were "
        "useful. A senior Indonesian official, speaking on condition of anonymity, said more was "
        "needed. \u201cWe keep them in one room,\u201d the official said.\n"
    )
    assert speakers(text) == [("We keep them in one room,", None)]


def test_states_as_a_noun_is_no_cue_and_citing_is_one() -> None:
    text = (
        "Talks\n\nThe minister said the Gulf states should be \u201cconsulted, not "
        "informed.\u201d President Vladimir Putin suspended the treaty, citing "
        "\u201cextraordinary circumstances\u201d.\n"
    )
    got = [(q.text, q.speaker_id, q.cue) for q in conv(text).quotes]
    assert got[0][2] != "states"
    assert got[1] == ("extraordinary circumstances", "vladimir-putin", "citing")


def test_colon_introduction_after_an_opening_clause_is_the_subject_s() -> None:
    text = (
        "Talks\n\nForeign Minister Anna Berg met Sergey Lavrov on Monday.\n\n"
        "Asked about the criticism as she left the briefing, Berg was brief: \u201cWe do not "
        "apologise for having friends.\u201d\n"
    )
    assert speakers(text) == [("We do not apologise for having friends.", "anna-berg")]
    # a speech verb after the opening clause is the cue, as before
    cued = text.replace("Berg was brief:", "Berg said Lavrov told her:")
    assert speakers(cued) == [("We do not apologise for having friends.", "sergey-lavrov")]


def test_a_named_counterpart_is_the_minister_of_its_nationality_only() -> None:
    text = (
        "Talks\n\nLavrov held talks with his Chilean counterpart, Pedro Soto, in Santiago. "
        "Soto repeated his country\u2019s position. \u201cChile will not send arms,\u201d the "
        "Chilean minister said.\n\n"
        "Asked about it, the minister, who met his Peruvian counterpart Ana Ruiz on Monday, said "
        "nothing was new. \u201cNothing has changed,\u201d he said.\n"
    )
    got = speakers(text)
    assert got[0] == ("Chile will not send arms,", "pedro-soto")
    assert got[1][1] != "ana-ruiz"


def test_a_middle_word_of_a_long_name_stands_for_the_person() -> None:
    text = (
        "Talks\n\nPresident Carlos Andr\u00e9s Pepe del Monte received Lavrov. Brazil will "
        "help build what Pepe has called a \u00abpeace club\u00bb of countries.\n"
    )
    assert speakers(text) == [("peace club", "carlos-andres-pepe-del-monte")]


def test_bulleted_speaker_labels_give_their_quotes() -> None:
    text = (
        "Treaty exit\n\nSecretary of State Jane Roe announced the exit on Friday.\n\n"
        "What they\u2019re saying:\n\n"
        "\u2022 Roe: \u201cThey had years to come clean.\u201d\n\n"
        "\u2022 President John Doe, in a written statement: \u201cWe will respond.\u201d\n"
    )
    assert speakers(text) == [
        ("They had years to come clean.", "jane-roe"),
        ("We will respond.", "john-doe"),
    ]


def test_verb_after_the_comma_outside_a_closing_mark_takes_the_name_after_it() -> None:
    for quoted in (
        "\u00abEvery state will look for a reason\u00bb",
        '"Every state will look for a reason"',
    ):
        text = f"Talks\n\nExperts say little changes. {quoted}, said Jan Novak, an expert.\n"
        assert speakers(text) == [("Every state will look for a reason", "jan-novak")]


def test_coordinated_verb_after_a_set_off_passive_asked_is_the_subject_s() -> None:
    text = (
        "Talks\n\nLavrov spoke on Monday. Foreign Office spokesperson Jan Novak, asked at his "
        "weekly briefing about Lavrov\u2019s earlier statements, welcomed the dialogue and said "
        "Prague had long proposed a \u201crestraint regime\u201d in Europe.\n"
    )
    assert speakers(text) == [("restraint regime", "jan-novak")]


def test_a_quote_right_after_a_person_s_reported_speech_is_theirs() -> None:
    text = (
        "Talks\n\nIn the Duma, the reaction was sharper. Jan Novak, the deputy chairman of the "
        "defence committee, said the military would lobby for new spending. \u201cThe generals "
        "will now ask for money for new missiles.\u201d\n\n"
        "Western diplomats were calm. \u201cThis changes little.\u201d\n"
    )
    assert speakers(text) == [
        ("The generals will now ask for money for new missiles.", "jan-novak"),
        ("This changes little.", None),  # no one reported before it
    ]
    # also a quote opening the paragraph under the reported speech
    under = text.replace("spending. \u201cThe", "spending.\n\n\u201cThe")
    assert speakers(under)[0] == (
        "The generals will now ask for money for new missiles.",
        "jan-novak",
    )


def test_who_has_long_called_is_the_antecedent_s_cue() -> None:
    text = (
        "Talks\n\nNational security adviser Jan Novak, who has long called such agreements "
        "\u201crelics\u201d of another age, pushed for the exit.\n"
    )
    assert speakers(text) == [("relics", "jan-novak")]


def test_a_programme_title_is_a_name_nobody_said() -> None:
    text = (
        "Talks\n\nSen. Jane Roe said on \u201cMorning Report\u201d that the move was a bluff. "
        "In a later interview with XYZ\u2019s \u201cFirst studio,\u201d she said the talks "
        "were \u201cdead\u201d.\n"
    )
    assert _flags(text) == [
        ("Morning Report", None, False, True),
        ("First studio,", None, False, True),
        ("dead", "jane-roe", True, False),
    ]
    # lower-case words after "on" are reported words, not a title
    assert _flags("Talks\n\nJane Roe said on \u201cthe record\u201d it was over.\n")[0][2:] != (
        False,
        True,
    )


def test_a_country_s_man_in_a_city_is_its_envoy() -> None:
    after = (
        "Talks\n\nDiplomats said a text was ready. \u201cThe deal is very close,\u201d "
        "Moscow\u2019s man in Vienna wrote. Mikhail Ulyanov has been active.\n"
    )
    assert speakers(after) == [("The deal is very close,", "mikhail-ulyanov")]
    opening = (
        "Talks\n\nRussia\u2019s envoy Mikhail Ulyanov spoke first. NATO\u2019s Jane Roe spoke "
        "next.\n\nMoscow\u2019s man in Vienna was unmoved. \u201cWe gave every chance,\u201d "
        "he wrote.\n"
    )
    assert speakers(opening) == [("We gave every chance,", "mikhail-ulyanov")]


def test_hailed_and_but_said_are_cues_of_the_subject() -> None:
    text = (
        "Talks\n\nEU foreign policy chief Jane Roe on Tuesday hailed the agreement as \u201ca "
        "sign of hope\u201d. Foreign Minister Jan Novak, who is hosting guests this week, did not "
        "comment but said relations were \u201creaching new heights\u201d.\n"
    )
    assert speakers(text) == [("a sign of hope", "jane-roe"), ("reaching new heights", "jan-novak")]


def test_abbreviated_and_of_titles_make_the_subject_a_person() -> None:
    text = (
        "Talks\n\nPresident John Doe said it was fine. Spokesman Ian Kelly agreed. The chief "
        "negotiator, Assistant Secretary of State Rose Roe, would not give a date. \u201cWhen it"
        "\u2019s ready, it\u2019s ready,\u201d she said. Republican Sen. Jon Kyl of Arizona, who "
        "led the fight, warned of a \u201cverification gap\u201d that he said Moscow could use.\n"
    )
    assert speakers(text) == [
        ("When it\u2019s ready, it\u2019s ready,", "rose-roe"),
        ("verification gap", "jon-kyl"),
    ]


def test_a_joint_statement_of_two_people_has_no_one_speaker() -> None:
    text = (
        "Talks\n\nIn a joint statement, Presidents John Doe and Jan Novak said they would "
        "\u201ckeep working together\u201d until the treaty enters into force.\n"
    )
    assert speakers(text) == [("keep working together", None)]


def test_headlinese_role_with_no_article_is_a_description() -> None:
    text = (
        "Russia suspends the treaty\n\nRussian FM says Moscow sees no legal basis for it, and "
        "warns the end of the treaty would leave \u201cno brakes at all\u201d\n\n"
        "Russian Foreign Minister Sergey Lavrov said on Monday the treaty was dead.\n"
    )
    assert speakers(text) == [("no brakes at all", "sergey-lavrov")]
    kremlin = (
        "Russia suspends the treaty\n\nKremlin leader says Moscow will be \u201cready\u201d if "
        "Washington tests first\n\nPresident Vladimir Putin said on Tuesday the treaty was "
        "suspended.\n"
    )
    assert speakers(kremlin) == [("ready", "vladimir-putin")]


def test_names_in_an_opening_participle_clause_and_a_title_after_an_apposition() -> None:
    text = (
        "Talks\n\nSergei Ryabkov, the senior negotiator, has argued the opposite. Speaking to "
        "journalists two days after Putin\u2019s address, he said the decision \u201ccan be "
        "reversed\u201d.\n\nThe conference\u2019s president, Argentine diplomat Pedro Soto, said "
        "he had no choice. \u201cI made every effort,\u201d he said.\n"
    )
    assert speakers(text) == [
        ("can be reversed", "sergey-ryabkov"),
        ("I made every effort,", "pedro-soto"),
    ]
    spokes = (
        "Talks\n\nMoscow's spokeswoman Maria Zakharova weighed in. Her Georgian counterpart, "
        "ministry spokesperson Ana Beridze, told journalists: \u201cWe do not dictate.\u201d\n"
    )
    assert speakers(spokes) == [("We do not dictate.", "ana-beridze")]


def test_capitalised_apposition_titles_delegations_and_learnt_genders() -> None:
    secretary = (
        "Talks\n\nThe US Secretary of State, Jon Hale, said the deal was short. Lavrov "
        "disagreed.\n\nMr Hale was asked about it. \u201cI respect him,\u201d the Secretary "
        "said.\n"
    )
    assert speakers(secretary) == [("I respect him,", "jon-hale")]
    envoy = (
        "Talks\n\n\u201cThere is no consensus,\u201d Ivan Petrov, the deputy head of the "
        "Russian delegation, told the plenary.\n\nThe envoy accused others, saying the text "
        "was \u201ca hostage to politics\u201d.\n\nThe US special representative, Adam Roe, "
        "said Russia alone blocked it.\n"
    )
    assert speakers(envoy)[1] == ("a hostage to politics", "ivan-petrov")
    gender = (
        "Talks\n\nJan Berg, a senior research fellow, said the loss would hurt. He noted that "
        "minister Eva Lind would stay. \u201cWe remain,\u201d she wrote.\n\nThe researcher "
        "also pointed to other treaties. \u201cThe house is losing its walls,\u201d he said.\n"
    )
    assert speakers(gender) == [
        ("We remain,", "eva-lind"),
        ("The house is losing its walls,", "jan-berg"),
    ]


def test_who_heads_a_delegation_is_a_role_for_descriptions() -> None:
    text = (
        "Talks\n\nIn Vienna, Ivan Petrov, who heads the Russian delegation at the talks, "
        "accused the West. \u201cThey did not ratify it,\u201d Moscow\u2019s man in Vienna said."
        "\n"
    )
    assert speakers(text) == [("They did not ratify it,", "ivan-petrov")]


def test_a_group_as_subject_reports_for_no_one_person() -> None:
    text = (
        "Talks\n\nVladimir Putin has announced that Russia is suspending the treaty, in a move "
        "that US officials called \u201cdeeply unfortunate\u201d.\n\nHe added that the "
        "deterrent \u201cwill remain reliable,\u201d a phrase Russian officials repeated.\n"
    )
    assert _flags(text) == [
        ("deeply unfortunate", None, True, False),
        ("will remain reliable,", "vladimir-putin", True, False),
    ]


def test_curated_roles_apply_only_in_their_period() -> None:
    import datetime as dt

    from lavrov_corpus.extract.speakers import reference

    lavrov = reference().by_id["sergey-lavrov"]
    assert frozenset({"foreign", "minister"}) not in lavrov.roles_at(dt.date(2001, 12, 13))
    assert frozenset({"foreign", "minister"}) in lavrov.roles_at(dt.date(2019, 8, 2))
    assert lavrov.roles_at(None) == lavrov.role_tokens
    page = (
        "Bush gives notice on ABM treaty\n\nDecember 13, 2001\n\nRussia\u2019s foreign minister "
        "says the exit weakens \u201cthe whole architecture\u201d of arms control\n\n"
        "Foreign Minister Igor Ivanov said the decision was a mistake. Ambassador Sergei Lavrov "
        "spoke at the UN.\n"
    )
    assert speakers(page) == [("the whole architecture", "igor-ivanov")]
    assert speakers(page.replace("2001", "2019")) == [("the whole architecture", "sergey-lavrov")]


def test_an_institution_opening_its_own_clause_keeps_the_quote_it_governs() -> None:
    text = (
        "Treaty exit\n\n"
        "NATO spokesperson Oana Lungescu said the exit was \u201canother step\u201d in the "
        "erosion of security, and the alliance said in a statement that Moscow's flight limits "
        "had \u201cundermined the treaty long before.\u201d\n"
    )
    assert speakers(text) == [
        ("another step", "oana-lungescu"),
        ("undermined the treaty long before.", None),
    ]


def test_a_name_with_its_native_script_in_brackets_is_the_subject() -> None:
    text = (
        "Taipei watches\n\n"
        "Minister of National Defense Wellington Koo (\u9867\u7acb\u96c4) said the military "
        "\u201chas prepared for every scenario,\u201d adding: \u201cWe stay calm.\u201d\n"
    )
    assert [sid for _, sid in speakers(text)] == ["wellington-koo", "wellington-koo"]
