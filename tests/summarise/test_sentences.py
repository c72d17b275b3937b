from sukien.text.sentences import split, split_spans


def test_numbers_with_dot_and_comma_do_not_split():
    text = "Trận động đất mạnh 7.4 độ xảy ra sáng nay. Thiệt hại ước tính 3,2 tỷ USD. Có 37.000 người sơ tán."
    assert split(text) == ["Trận động đất mạnh 7.4 độ xảy ra sáng nay.", "Thiệt hại ước tính 3,2 tỷ USD.",
                           "Có 37.000 người sơ tán."]


def test_abbreviations_keep_the_sentence_together():
    text = ("PGS.TS Nguyễn Văn An tại TP.HCM cho biết kết quả. TS. Lê Bình đồng ý với nhận định này. "
            "Ông sống ở TP. Hồ Chí Minh từ năm 2010. Xem Tr. 12 của báo cáo.")
    assert split(text) == [
        "PGS.TS Nguyễn Văn An tại TP.HCM cho biết kết quả.",
        "TS. Lê Bình đồng ý với nhận định này.",
        "Ông sống ở TP. Hồ Chí Minh từ năm 2010.",
        "Xem Tr. 12 của báo cáo.",
    ]


def test_initials_are_not_sentence_ends_but_lowercase_words_are():
    assert split("Anh Nguyễn V. Anh đã đến. Mọi người đồng ý.") == ["Anh Nguyễn V. Anh đã đến.", "Mọi người đồng ý."]
    assert split("Mọi việc đã rõ ý. Xong rồi.") == ["Mọi việc đã rõ ý.", "Xong rồi."]


def test_quoted_sentences_stay_with_their_speaker():
    text = "Thủ tướng nói: “Tôi xin giải thích. Điều này rất quan trọng”. Sau đó ông rời đi."
    assert split(text) == ["Thủ tướng nói: “Tôi xin giải thích. Điều này rất quan trọng”.", "Sau đó ông rời đi."]
    straight = 'Ông nói "Xong rồi. Về thôi". Hết giờ.'
    assert split(straight) == ['Ông nói "Xong rồi. Về thôi".', "Hết giờ."]


def test_quote_closing_the_sentence_ends_it():
    text = "Ông khẳng định: “Chúng tôi sẵn sàng.” Cuộc họp kết thúc lúc 17h."
    assert split(text) == ["Ông khẳng định: “Chúng tôi sẵn sàng.”", "Cuộc họp kết thúc lúc 17h."]


def test_newlines_end_sentences_and_offsets_are_exact():
    text = "Tiêu đề không dấu chấm\nCâu một ở đây. Câu hai ở đây!\n\n  Câu ba?"
    spans = split_spans(text)
    assert [text[s:e] for s, e in spans] == ["Tiêu đề không dấu chấm", "Câu một ở đây.", "Câu hai ở đây!", "Câu ba?"]


def test_question_exclamation_ellipsis_and_list_dash():
    assert split("Ai làm? Không ai biết! Chờ xem... Rồi sẽ rõ.") == ["Ai làm?", "Không ai biết!", "Chờ xem...",
                                                                     "Rồi sẽ rõ."]
    assert split("Gồm các bước sau. - Bước một") == ["Gồm các bước sau.", "- Bước một"]


def test_bad_input():
    assert split_spans("") == []
    assert split_spans(None) == []  # type: ignore[arg-type]
