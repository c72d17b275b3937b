import random

from sukien.summarise import rouge


def lcs_dp(a, b):
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


def test_tokens_keep_diacritics_and_split_on_punctuation():
    assert rouge.tokens("Hà Nội, TP.HCM (7.4 độ)!") == ["hà", "nội", "tp", "hcm", "7", "4", "độ"]
    # NFD input gives the same tokens as NFC
    import unicodedata
    assert rouge.tokens(unicodedata.normalize("NFD", "Việt Nam")) == ["việt", "nam"]


def test_diacritics_distinguish_words():
    p, r, f = rouge.rouge_n(rouge.tokens("bà ba"), rouge.tokens("ba bà"), 1)
    assert f == 1.0
    assert rouge.rouge_n(rouge.tokens("bà ba"), rouge.tokens("bá bạ"), 1)[2] == 0.0


def test_rouge_n_clipped_counts():
    cand = "a a a b".split()
    ref = "a b c".split()
    p, r, f = rouge.rouge_n(cand, ref, 1)
    assert (p, r) == (2 / 4, 2 / 3)
    assert rouge.rouge_n("a b c".split(), "a b c".split(), 2) == (1.0, 1.0, 1.0)


def test_lcs_matches_dynamic_programming():
    rng = random.Random(3)
    for _ in range(200):
        a = [rng.choice("abcde") for _ in range(rng.randint(0, 30))]
        b = [rng.choice("abcde") for _ in range(rng.randint(0, 30))]
        assert rouge.lcs_length(a, b) == lcs_dp(a, b)


def test_score_averages_over_references():
    refs = [rouge.tokens("mưa lớn ở hà nội"), rouge.tokens("nắng nóng ở huế")]
    s = rouge.score(rouge.tokens("mưa lớn ở hà nội"), refs)
    assert abs(s["rouge1"] - (1.0 + rouge.rouge_n(refs[0], refs[1], 1)[2]) / 2) < 1e-12
