"""Clusters of needs inside each sector, across languages: TF-IDF, LSA, shared concepts, then k-means.

Method, deterministic for a given seed:
1. Words are counted once for all needs, each distinct text split once (lower case, runs of letters,
   stop words of the main EU languages dropped). Each word carries character n-grams (3-5, accents
   stripped, spelling folded so that 'elektrisch', 'electric' and 'eléctrico' share n-grams), derived
   through a word -> n-gram matrix, far faster than rescanning every text. Each need also carries the
   procurement concepts its text names (analysis.concepts: 'Müllfahrzeuge', 'sopbilar' and 'refuse
   trucks' are one concept). Idf is taken over all needs, so sentences people add to every answer
   weigh little.
2. Inside a sector, the wording (word and n-gram TF-IDF) is reduced by LSA: a randomized SVD (the
   algorithm of sklearn's TruncatedSVD) learnt on at most SVD_SAMPLE needs, run on the n-gram block
   kept as the product it is (word counts x each word's n-grams, 20 times smaller than formed) and
   on each distinct text once. Each language's mean wording is subtracted (shrunk for rare
   languages), so needs gather by topic rather than by language; the concepts are joined on; rows
   get unit length.
3. k in 2..min(MAX_CLUSTERS, n / NEEDS_PER_CLUSTER) is chosen by silhouette on at most
   SILHOUETTE_SAMPLE needs, and kept only if it beats by MIN_SPLIT_GAIN the silhouette of the same
   data with each column shuffled (averaged over up to NOISE_REPEATS shuffles, fewer once the verdict
   is clear by NOISE_MARGIN); otherwise, and for sectors under MIN_SECTOR_SIZE needs, the sector is one
   cluster. k-means (MiniBatchKMeans from MINIBATCH_FROM needs) then runs on all needs from the
   sample's centres, unless the sample already holds them all.
4. Needs unlike the rest of their cluster (cosine to the centre of the others < OUTLIER_SIMILARITY),
   in clusters under MIN_CLUSTER_SIZE, or without any words go to '<sector>-other', which stays visible.
5. Labels are the cluster's most distinctive words in the language most of its needs use; quotes are
   the texts closest to its centre; map positions are a PCA of each sector's vectors, sectors on a grid.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from scipy import linalg, sparse
from scipy.sparse.linalg import LinearOperator
from sklearn import config_context
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.decomposition import PCA
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from analysis.concepts import concept_matrix, names_concept, split_words
from analysis.taxonomy import UNCLASSIFIED

OTHER = "other"  # suffix of the cluster that holds a sector's needs fitting no cluster
MIN_SECTOR_SIZE = 10  # fewer needs than this: the sector is one cluster, too few to split
MIN_CLUSTER_SIZE = 3  # fewer needs than this is not a shared topic: they go to 'other'
MAX_CLUSTERS = 8  # per sector; more is no longer readable as cards on one page
NEEDS_PER_CLUSTER = 5  # k is at most n / 5, so each cluster can hold a handful of needs
MIN_SPLIT_GAIN = 0.025  # a split must beat the silhouette of structureless data by this, else one cluster
KMEANS_INITS = 2  # k-means++ starts per trial k, the best kept
NOISE_REPEATS = 3  # shuffled copies the structureless reference is averaged over
NOISE_MARGIN = 0.1  # a split this far from the bar after one shuffle is settled: shuffles differ by ~0.02
OUTLIER_SIMILARITY = 0.15  # cosine to the centre of the rest of its cluster below this: 'other'
SILHOUETTE_SAMPLE = 1000  # choose k on at most this many needs: each k costs a k-means of them
SVD_SAMPLE = 2000  # the topic space is learnt from at most this many needs, then applied to all
MINIBATCH_FROM = 5000  # sectors with at least this many needs use MiniBatchKMeans
SVD_COMPONENTS = 32
SVD_ITERATIONS = 3
SVD_OVERSAMPLES = 10  # extra random directions that make the randomized SVD's top ones accurate
NGRAM_WEIGHT = 1.0  # weight of character n-grams beside whole words (weight 1)
CONCEPT_WEIGHT = 1.0  # weight of shared concepts beside the wording: they carry a need across languages
LANGUAGE_SHRINK = 5  # a language's mean wording counts n / (n + 5): little when few needs use it
MAX_WORDS = 50_000  # vocabulary cap: rare words beyond it add memory, not clusters
NGRAM_COLUMNS = 2**20  # hashed n-gram space: collisions are rare at this size
MAX_SECTOR_FEATURES = 10_000  # per feature kind and sector: bounds the SVD's cost
QUOTES = 3
LABEL_TERMS = 3
LABEL_SEPARATOR = " · "
LABEL_CONCEPT_BONUS = 2.0  # a label prefers words that name a shared concept this much
LABEL_MIN_LETTERS = 3  # shorter words ('ab', 'co') never label a cluster
LABEL_TIE_LANGUAGE = "en"  # when languages tie in a cluster, label it in the language most readers share
SECTOR_SPACING = 3.0  # distance between sector centres on the cluster map; each sector spans [-1, 1]

# Function words of the main EU languages; topic words are weighed by TF-IDF, not listed here.
STOP_WORDS_BY_LANGUAGE: dict[str, str] = {
    "en": "a about all also an and any are as at be been but by can do for from has have if in into is it "
    "its more most must no not of on or our other over same should so some such than that the their them "
    "then there these they this those to too under up us very was we were what when where which who will "
    "with would need needs needed want like use used new",
    "de": "aber alle als am an auch auf aus bei bis das dass dem den der des die dies diese diesem dieser "
    "ein eine einem einen einer es für hat haben im in ist mit nach nicht noch nur oder sich sie sind so "
    "über um und uns unser unsere unseren von vor wie wir wird werden zu zum zur brauchen benötigen",
    "fr": "au aux avec ce ces cette dans de des du elle en est et il ils la le les leur leurs mais ne nos "
    "notre nous on ou par pas plus pour qu que qui sa se ses son sont sur un une vos votre besoin",
    "es": "al algo como con de del el en es esta este estos hay la las lo los más no nos nuestra nuestro "
    "nuestros para pero por que se sin sobre su sus un una uno unos necesitamos necesidad",
    "it": "ai al alla alle che con da dei del della delle di gli ha il in la le nel nella non per più "
    "questo sono su tra un una uno abbiamo bisogno nostro nostra nostri",
    "nl": "aan al als bij dat de den der deze die dit door een en er het hun in is met naar niet nog of om "
    "ons onze op te tot uit van voor wat we wij worden wordt zijn hebben nodig",
    "sv": "alla att av behöver de dem den denna dessa det detta efter en ett för från har hur inom kan med "
    "men mot måste när och om oss på sig ska som till under upp ut vad vara vi vår våra är även",
    "da": "af at da dem den der det efter et for fra har hvad hvis hvor ikke jeg kan med men mod og også om "
    "på skal som til var vi vil vores være behov",
    "no": "av bli blir eller er et fra ha har hva ikke kan med men mot og også om oss på seg skal som til vi "
    "vil vår våre være",
    "fi": "ei ja jo kanssa kuin me meidän mutta myös niin ne nyt ole olla on ovat se sekä tai tämä että "
    "tarvitsemme",
    "pl": "aby ale dla do gdy jak jest już lub na nie od oraz po pod przez się są ta tak te to we za że "
    "potrzebujemy",
    "pt": "ao aos as com da das de do dos em entre mais na nas no nos nossa nosso num numa os ou para pela "
    "pelo por que se sem ser um uma precisamos",
}
STOP_WORDS: frozenset[str] = frozenset(
    word for words in STOP_WORDS_BY_LANGUAGE.values() for word in words.split()
)
# Letters that Unicode does not decompose into a base letter plus an accent.
PLAIN_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "ß": "ss", "ł": "l", "œ": "oe", "ð": "d", "þ": "th"})
WORD_SEPARATOR = r"[^\pL]+"  # words are runs of letters: digits, hyphens and punctuation split them
# Spelling folds applied before character n-grams, so cognates across languages share n-grams.
SPELLING_FOLDS: tuple[tuple[str, str], ...] = (
    ("ph", "f"),
    ("th", "t"),
    ("qu", "c"),
    ("k", "c"),
    ("y", "i"),
    ("w", "v"),
    ("z", "s"),
)
DOUBLE_LETTER = re.compile(r"(\w)\1")


@dataclass(frozen=True)
class TopicResult:
    """Where each need sits (cluster and map position) and what each cluster holds."""

    assignments: pd.DataFrame  # index of the needs frame; cluster, x, y
    # cluster, sector, label, size, organisations, countries, languages, quotes, is_other
    clusters: pd.DataFrame


def cluster_needs(needs: pd.DataFrame, seed: int = 0) -> TopicResult:
    """Group the needs of each sector into clusters with readable labels, quotes and map positions."""
    texts = needs["need_text"].astype("string").fillna("")
    word_counts, vocabulary, text_of = _count_words(texts)
    concepts = concept_matrix(texts).astype(np.float32)
    lexicon = _lexicon(vocabulary, np.bincount(word_counts.indices, minlength=len(vocabulary)), concepts)

    sectors = needs["sector"].astype("string").fillna(UNCLASSIFIED)
    sector_of, sector_order = pd.factorize(sectors, sort=True)
    cluster = np.empty(len(needs), dtype=object)
    similarity = np.zeros(len(needs), dtype=np.float32)
    x = np.zeros(len(needs))
    y = np.zeros(len(needs))
    labels: dict[str, str] = {}
    columns = max(1, int(np.ceil(np.sqrt(len(sector_order)))))
    # Each sector's work is many small BLAS/OpenMP calls: extra threads only spin, worst on a busy machine.
    # Its inputs are finite and its parameters fixed, so sklearn's checks would only add to every small fit.
    with threadpool_limits(limits=1), config_context(assume_finite=True, skip_parameter_validation=True):
        for position, sector in enumerate(sector_order):
            rows = np.flatnonzero(sector_of == position)
            found = _cluster_sector(
                word_counts[rows], text_of[rows], concepts[rows], lexicon, needs["language"].iloc[rows], seed
            )
            names = np.array(
                [f"{sector}-{number}" for number in range(1, len(found.labels) + 1)] + [f"{sector}-{OTHER}"]
            )
            cluster[rows] = names[found.assignment]  # -1 picks the last name: 'other'
            labels.update(zip(names[:-1], found.labels, strict=True))
            similarity[rows] = found.similarity
            x[rows] = found.xy[:, 0] + SECTOR_SPACING * (position % columns)
            y[rows] = found.xy[:, 1] - SECTOR_SPACING * (position // columns)

    cluster = pd.Series(cluster, index=needs.index, dtype="string")
    assignments = pd.DataFrame({"cluster": cluster, "x": x, "y": y}, index=needs.index)
    return TopicResult(assignments, _describe_clusters(needs, sectors, cluster, similarity, labels))


@dataclass(frozen=True)
class _Lexicon:
    """The words of all needs, the character n-grams and shared concepts each word carries, and their idf."""

    vocabulary: np.ndarray
    ngram_map: sparse.csr_matrix  # word x n-gram counts, only the n-grams some word has
    names_concept: np.ndarray  # per word: does the word alone name a concept of analysis.concepts
    word_idf: np.ndarray
    ngram_idf: np.ndarray
    concept_idf: np.ndarray


@dataclass(frozen=True)
class _SectorClusters:
    """One sector's clustering: cluster number per need (-1 for 'other'), fit, map position, labels."""

    assignment: np.ndarray
    similarity: np.ndarray  # cosine of each need to its cluster's centre (0 for needs without words)
    xy: np.ndarray  # n x 2, each axis within [-1, 1]
    labels: list[str]  # label of cluster number i at position i


def _count_words(texts: pd.Series) -> tuple[sparse.csr_matrix, np.ndarray, np.ndarray]:
    """Word counts per need, the vocabulary (lower case, runs of two letters or more, no stop words) and
    the number of each need's text among the distinct texts.

    Each distinct text is split once: survey answers repeat ('see above', pasted paragraphs).
    """
    text_of, distinct_texts = pd.factorize(texts)
    text_at, words = split_words(
        pd.Series(distinct_texts, dtype="string"),
        lambda tokens: pc.split_pattern_regex(pc.utf8_lower(tokens), WORD_SEPARATOR),
    )
    distinct = words.dictionary
    useful = pc.and_(
        pc.greater_equal(pc.utf8_length(distinct), 2),
        pc.invert(pc.is_in(distinct, pa.array(sorted(STOP_WORDS)))),
    )
    useful = np.flatnonzero(np.asarray(useful, dtype=bool))
    vocabulary = np.asarray(distinct.take(pa.array(useful)).to_pylist(), dtype=object)
    code = np.full(len(distinct), -1)
    code[useful] = np.arange(len(useful))
    word_at = code[np.asarray(words.indices, dtype=np.int64)]
    text_at, word_at = text_at[word_at >= 0], word_at[word_at >= 0]
    uses = np.bincount(text_of, minlength=len(distinct_texts))  # needs per distinct text
    frequency = np.bincount(word_at, weights=uses[text_at], minlength=len(vocabulary))
    top = np.sort(np.lexsort((vocabulary, -frequency))[:MAX_WORDS])  # most used words; ties alphabetical
    column = np.full(len(vocabulary), -1)
    column[top] = np.arange(len(top))
    column_at = column[word_at]
    hit = column_at >= 0
    ones = np.ones(int(hit.sum()), dtype=np.float32)
    counts = sparse.csr_matrix(
        (ones, (text_at[hit], column_at[hit])), shape=(len(distinct_texts), len(top))
    )  # sums repeats
    return counts[text_of], vocabulary[top], text_of


def _lexicon(vocabulary: np.ndarray, document_frequency: np.ndarray, concepts: sparse.csr_matrix) -> _Lexicon:
    """N-grams, concepts and idf of every word, the idf taken over all needs of all sectors.

    Idf over all sectors is what silences the sentences people add to every answer ('prices are
    high', 'we plan a market dialogue'): they recur in every sector, a topic's words in one. The
    document frequency of an n-gram or concept is the sum over its words: cheap, and it only
    overcounts needs that use two such words.
    """
    needs = concepts.shape[0]
    # Only the n-grams some word has: most of the hashed columns are empty, and sectors pay per column.
    ngram_map, _ = _used_columns(_ngram_map([_plain(word) for word in vocabulary]))
    frequency = document_frequency.astype(np.float64)
    return _Lexicon(
        vocabulary,
        ngram_map,
        names_concept(pd.Series(vocabulary, dtype="string")),
        _idf(frequency, needs),
        _idf((ngram_map > 0).T @ frequency, needs),
        _idf(np.bincount(concepts.indices, minlength=concepts.shape[1]), needs),
    )


def _idf(document_frequency: np.ndarray, needs: int) -> np.ndarray:
    """Smoothed inverse document frequency, as sklearn's TfidfTransformer computes it."""
    return (np.log((1 + needs) / (1 + np.asarray(document_frequency))) + 1).astype(np.float32)


def _plain(word: str) -> str:
    """The word without accents ('müll' -> 'mull', 'kød' -> 'kod')."""
    return "".join(
        c
        for c in unicodedata.normalize("NFKD", word.translate(PLAIN_LETTERS))
        if not unicodedata.combining(c)
    )


def _fold(plain: str) -> str:
    """Spelling-folded form of an accent-free word, so cognates across languages share n-grams."""
    for written, folded in SPELLING_FOLDS:
        plain = plain.replace(written, folded)
    return DOUBLE_LETTER.sub(r"\1", plain)


def _ngram_map(plain: list[str]) -> sparse.csr_matrix:
    """Word x character n-gram counts (3-5, inside the word, folded spelling), n-grams hashed to columns."""
    if not plain:  # sklearn's hasher cannot take an empty list
        return sparse.csr_matrix((0, NGRAM_COLUMNS), dtype=np.float32)
    ngrams = HashingVectorizer(
        analyzer="char_wb", ngram_range=(3, 5), n_features=NGRAM_COLUMNS, alternate_sign=False, norm=None
    )
    return ngrams.transform([_fold(word) for word in plain]).astype(np.float32).tocsr()


def _tfidf(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """TF-IDF with sublinear tf (1 + log count), rows of unit length."""
    weights = counts.astype(np.float32, copy=True)
    weights.data = (1 + np.log(weights.data)) * idf[weights.indices]
    return normalize(weights) if weights.shape[1] else weights


def _used_columns(matrix: sparse.csr_matrix) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The matrix restricted to columns with any entry, and those columns' indices."""
    used = np.unique(matrix.indices)
    return matrix[:, used], used


def _shared(
    counts: sparse.csr_matrix, uses: np.ndarray, idf: np.ndarray
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The counts and idf of the columns that can bring needs together (see _shared_columns)."""
    shared = _shared_columns(counts, uses)
    return counts[:, shared], idf[shared]


def _shared_columns(counts: sparse.csr_matrix, uses: np.ndarray) -> np.ndarray:
    """Columns used by at least two needs (others cannot bring needs together), at most MAX_SECTOR_FEATURES.

    Rows are distinct texts, each used by uses[row] needs.
    """
    frequency = np.bincount(counts.indices, np.repeat(uses, np.diff(counts.indptr)), counts.shape[1])
    shared = np.flatnonzero(frequency >= 2)
    if len(shared) > MAX_SECTOR_FEATURES:
        shared = np.sort(shared[np.argsort(-frequency[shared], kind="stable")[:MAX_SECTOR_FEATURES]])
    return shared


def _cluster_sector(
    word_counts: sparse.csr_matrix,
    text_of: np.ndarray,
    concepts: sparse.csr_matrix,
    lexicon: _Lexicon,
    languages: pd.Series,
    seed: int,
) -> _SectorClusters:
    """Cluster one sector's needs from their word counts (text_of: which needs share a text) and concepts."""
    n = word_counts.shape[0]
    if word_counts.nnz == 0:
        return _SectorClusters(np.full(n, -1), np.zeros(n, dtype=np.float32), np.zeros((n, 2)), [])
    has_words = word_counts.getnnz(axis=1) > 0
    word_counts, word_columns = _used_columns(word_counts)
    vectors = _vectors(word_counts, text_of, word_columns, concepts, lexicon, languages, seed)

    assignment = np.full(n, -1)
    if has_words.sum() < MIN_SECTOR_SIZE:
        assignment[has_words] = 0
    else:
        assignment[has_words] = _kmeans(vectors[has_words], seed)
        assignment[_fit(vectors, assignment) < OUTLIER_SIMILARITY] = -1
        assignment = _drop_small(assignment)
    centres = _centres(vectors, assignment)
    similarity = np.einsum("ij,ij->i", vectors, centres[assignment]).astype(np.float32)
    word_idf = lexicon.word_idf[word_columns]
    vocabulary = lexicon.vocabulary[word_columns]
    preference = _label_preference(vocabulary, word_idf, lexicon.names_concept[word_columns])
    labels = _labels(_tfidf(word_counts, word_idf), preference, vocabulary, assignment, languages)
    return _SectorClusters(assignment, similarity, _project(vectors), labels)


def _label_preference(vocabulary: np.ndarray, idf: np.ndarray, names_concept: np.ndarray) -> np.ndarray:
    """How much each word deserves to label a cluster: its idf, more if it names a concept, 0 if short."""
    # Words that name a shared concept ('trucks', 'Beton') are topic words by construction.
    preference = idf * np.where(names_concept, LABEL_CONCEPT_BONUS, 1.0)
    letters = np.fromiter(map(len, vocabulary), dtype=int, count=len(vocabulary))
    return np.where(letters < LABEL_MIN_LETTERS, 0.0, preference)


def _vectors(
    word_counts: sparse.csr_matrix,
    text_of: np.ndarray,
    word_columns: np.ndarray,
    concepts: sparse.csr_matrix,
    lexicon: _Lexicon,
    languages: pd.Series,
    seed: int,
) -> np.ndarray:
    """One unit vector per need: its wording (LSA of words and n-grams, minus its language's usual wording)
    joined with the shared concepts it names.

    Needs written in one language share filler sentences and grammar, so without the language's mean
    wording they would cluster by language rather than by topic; concepts are the same in every
    language and are left as they are. The wording of each distinct text is worked out once.
    """
    _, first, text_of = np.unique(text_of, return_index=True, return_inverse=True)
    text = _lsa(_wording(word_counts[first], np.bincount(text_of), word_columns, lexicon), text_of, seed)
    text -= _language_means(text, languages)
    concepts, named = _used_columns(concepts)  # concepts no need names add nothing but cost to k-means
    meaning = _tfidf(concepts, lexicon.concept_idf[named]).toarray()
    # float64: sklearn's k-means takes a slower, chunked path for float32
    return normalize(np.hstack([text, CONCEPT_WEIGHT * meaning]).astype(np.float64))


def _language_means(vectors: np.ndarray, languages: pd.Series) -> np.ndarray:
    """Each need's language mean vector, shrunk towards zero for languages with few needs in the sector."""
    codes, _ = pd.factorize(languages.astype("string").fillna(""))
    sums = np.asarray(_indicator(codes, codes.max() + 1) @ vectors)
    counts = np.bincount(codes)
    return (sums / (counts + LANGUAGE_SHRINK)[:, None])[codes]


@dataclass(frozen=True)
class _Wording:
    """The wording of texts: word TF-IDF and character n-gram TF-IDF, each of unit length, side by side
    and scaled to unit length together, the n-gram block kept as the product it is.

    Formed, the n-gram block (word counts x each word's n-grams) holds some 20 times the entries of its
    factors, and every pass of the LSA over it costs that much. Sublinear tf (1 + log count) is not
    linear in the counts, so the n-grams a text repeats (about one entry in 20) take off their excess.
    """

    words: sparse.csr_matrix  # text x shared word: scaled TF-IDF
    counts: sparse.csr_matrix  # text x word: scaled counts
    ngrams: sparse.csr_matrix  # word x shared n-gram: count x idf
    excess: sparse.csr_matrix  # text x shared n-gram: scaled (count - 1 - log count) x idf where count > 1

    def rows(self, rows: np.ndarray) -> _Wording:
        """The wording of the texts at these positions (a text may come more than once)."""
        return _Wording(self.words[rows], self.counts[rows], self.ngrams, self.excess[rows])

    def operator(self) -> LinearOperator:
        """The text x feature matrix as an operator: products with it never form the n-gram block."""
        split = self.words.shape[1]

        def times(x: np.ndarray) -> np.ndarray:
            return self.words @ x[:split] + self.counts @ (self.ngrams @ x[split:]) - self.excess @ x[split:]

        def transposed_times(y: np.ndarray) -> np.ndarray:
            ngrams = self.ngrams.T @ (self.counts.T @ y) - self.excess.T @ y
            return np.concatenate([self.words.T @ y, ngrams])

        shape = (self.words.shape[0], split + self.ngrams.shape[1])
        return LinearOperator(
            shape, times, transposed_times, matmat=times, rmatmat=transposed_times, dtype=np.float32
        )

    def toarray(self) -> np.ndarray:
        """The text x feature matrix formed (for a handful of texts only), with a zero column: one at least."""
        ngrams = (self.counts @ self.ngrams - self.excess).toarray()
        return np.hstack([self.words.toarray(), ngrams, np.zeros((self.words.shape[0], 1), dtype=np.float32)])


def _wording(
    word_counts: sparse.csr_matrix, uses: np.ndarray, word_columns: np.ndarray, lexicon: _Lexicon
) -> _Wording:
    """The wording of distinct texts from their word counts (columns: word_columns of the lexicon), each
    text used by uses[row] needs."""
    words = _tfidf(*_shared(word_counts, uses, lexicon.word_idf[word_columns]))
    ngram_map = lexicon.ngram_map[word_columns]
    counts = (word_counts @ ngram_map).tocsr()  # formed once, for the weights only
    shared = _shared_columns(counts, uses)
    idf = np.zeros(counts.shape[1], dtype=np.float32)
    idf[shared] = lexicon.ngram_idf[shared]  # 0 drops the n-grams no other need shares
    weights = idf[counts.indices]
    repeated = np.flatnonzero((counts.data > 1) & (weights > 0))  # the few shared n-grams a text repeats
    tf = 1 + np.log(counts.data[repeated])
    weights[repeated] *= tf
    squares = sparse.csr_matrix((weights**2, counts.indices, counts.indptr), shape=counts.shape)
    length = np.sqrt(np.asarray(squares.sum(axis=1)).ravel())
    # Rows: word and n-gram blocks each of unit length (n-grams weighing NGRAM_WEIGHT), then together.
    ngram_length = np.where(length > 0, NGRAM_WEIGHT, 0)
    together = np.sqrt(words.getnnz(axis=1).clip(max=1) + ngram_length**2)
    scale = np.divide(1, together, out=np.zeros_like(together), where=together > 0)
    ngram_scale = np.divide(ngram_length * scale, length, out=np.zeros_like(length), where=length > 0)
    row = np.searchsorted(counts.indptr, repeated, side="right") - 1
    column = np.searchsorted(shared, counts.indices[repeated])
    excess = (counts.data[repeated] - tf) * idf[counts.indices[repeated]] * ngram_scale[row]
    excess = sparse.csr_matrix(
        (excess, (row, column)), shape=(counts.shape[0], len(shared)), dtype=np.float32
    )
    return _Wording(
        words=_scale_rows(words, scale),
        counts=_scale_rows(word_counts, ngram_scale),
        ngrams=(ngram_map[:, shared] @ sparse.diags(idf[shared])).tocsr().astype(np.float32),
        excess=excess,
    )


def _scale_rows(matrix: sparse.csr_matrix, scale: np.ndarray) -> sparse.csr_matrix:
    """The matrix with each row multiplied by its scale, as float32."""
    return (sparse.diags(scale) @ matrix).tocsr().astype(np.float32)


def _lsa(wording: _Wording, text_of: np.ndarray, seed: int) -> np.ndarray:
    """LSA vectors of unit length per need (text_of: the row of its text); small sectors keep their TF-IDF.

    A randomized SVD (Halko et al., the algorithm of sklearn's TruncatedSVD, here on an operator that
    sklearn does not take) learnt on at most SVD_SAMPLE needs, then applied to all.
    """
    n, m = len(text_of), wording.operator().shape[1]
    components = min(SVD_COMPONENTS, n - 1, m - 1)
    if n < MIN_SECTOR_SIZE or components < 2:
        return wording.toarray()[text_of]
    sample = wording.rows(text_of[_sample(n, SVD_SAMPLE, seed)]).operator()
    size = (sample.shape[0], components + SVD_OVERSAMPLES)
    basis = np.random.default_rng(seed).standard_normal(size).astype(np.float32)
    for _ in range(SVD_ITERATIONS):  # power iterations, normalised on the small side (needs, not features)
        basis = linalg.lu(sample @ (sample.T @ basis), permute_l=True, check_finite=False)[0]
    basis = linalg.qr(basis, mode="economic", check_finite=False)[0]
    projected = sample.T @ basis  # feature x direction: the sample's main directions, not yet orthogonal
    # projected.T @ projected, formed on the small side: its eigenvectors orthogonalise the directions
    strength, mix = np.linalg.eigh((basis.T @ (sample @ projected)).astype(np.float64))  # ascending
    strength, mix = strength[::-1][:components], mix[:, ::-1][:, :components]
    mix = np.divide(mix, np.sqrt(strength.clip(min=0)), out=np.zeros_like(mix), where=strength > 1e-12)
    return normalize((wording.operator() @ projected) @ mix.astype(np.float32))[text_of]


def _sample(n: int, size: int, seed: int) -> np.ndarray:
    """Sorted positions of a seeded random sample of at most size out of n."""
    return np.sort(np.random.default_rng(seed).choice(n, size=min(n, size), replace=False))


def _kmeans(vectors: np.ndarray, seed: int) -> np.ndarray:
    """Cluster numbers: k by silhouette on a bounded sample, one cluster if that split is no better than noise."""
    n = len(vectors)
    sample = vectors[_sample(n, SILHOUETTE_SAMPLE, seed)]
    best_k, best_score, best = 1, -1.0, None
    for k in range(2, min(MAX_CLUSTERS, n // NEEDS_PER_CLUSTER) + 1):
        model = KMeans(n_clusters=k, n_init=KMEANS_INITS, random_state=seed).fit(sample)
        score = _silhouette(sample, model.labels_)
        if score > best_score:
            best_k, best_score, best = k, score, model
    if best is None or not _beats_noise(sample, best_k, best_score, seed):
        return np.zeros(n, dtype=int)
    if n <= SILHOUETTE_SAMPLE:
        return best.labels_  # the sample holds every need: k-means has already run on them all
    final = MiniBatchKMeans if n >= MINIBATCH_FROM else KMeans
    model = final(n_clusters=best_k, init=best.cluster_centers_, n_init=1, random_state=seed)
    return model.fit_predict(vectors)


def _beats_noise(sample: np.ndarray, k: int, score: float, seed: int) -> bool:
    """Does a split of the sample into k with this silhouette beat structureless data by MIN_SPLIT_GAIN?

    Few short texts in many dimensions give any split a fair silhouette; only the excess over the
    silhouette k-means reaches on the sample with each column shuffled alone says the needs really
    form k groups. That reference is averaged over up to NOISE_REPEATS shuffles, fewer once the
    verdict is clear by NOISE_MARGIN.
    """
    rng = np.random.default_rng(seed)
    scores = []
    for _ in range(NOISE_REPEATS):
        noise = normalize(rng.permuted(sample, axis=0))  # each column shuffled on its own
        labels = KMeans(n_clusters=k, n_init=KMEANS_INITS, random_state=seed).fit_predict(noise)
        scores.append(_silhouette(noise, labels))
        if abs(score - np.mean(scores) - MIN_SPLIT_GAIN) > NOISE_MARGIN:
            break
    return bool(score - np.mean(scores) >= MIN_SPLIT_GAIN)


def _silhouette(vectors: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette coefficient, as sklearn defines it, for the cosine distance 1 - x.y of the vectors.

    The mean distance from a need to a group of needs is 1 minus its dot product with the group's mean,
    so this takes n x k products where sklearn's silhouette_score takes all n^2 distances (and loops over
    rows in Python); choosing k calls it up to eight times a sector.
    """
    labels = np.unique(labels, return_inverse=True)[1]
    members = np.eye(labels.max() + 1)[labels]
    sizes = members.sum(axis=0)
    similarity = vectors @ (members.T @ vectors).T  # of each need to each cluster: sum of dot products
    rows = np.arange(len(labels))
    own = sizes[labels]
    itself = np.einsum("ij,ij->i", vectors, vectors)
    inner = (own - 1 - (similarity[rows, labels] - itself)) / np.maximum(own - 1, 1)  # others of its cluster
    means = 1 - similarity / sizes
    means[rows, labels] = np.inf
    nearest = means.min(axis=1)
    spread = np.maximum(inner, nearest)
    score = np.where((own > 1) & (spread > 0), (nearest - inner) / np.where(spread > 0, spread, 1), 0)
    return float(score.mean())


def _fit(vectors: np.ndarray, assignment: np.ndarray) -> np.ndarray:
    """Cosine of each need to the centre of the other needs of its cluster (0 alone or without a cluster).

    Leaving the need out matters: k-means may gather a few unrelated needs into one cluster, and each
    of them then sits close to a centre made mostly of itself.
    """
    slots = np.maximum(assignment, 0)
    sums = np.asarray(_indicator(assignment, assignment.max() + 1) @ vectors)
    others = sums[slots] - np.where(assignment[:, None] >= 0, vectors, 0)
    length = np.linalg.norm(others, axis=1)
    fit = np.einsum("ij,ij->i", vectors, others) / np.where(length > 0, length, 1)
    return np.where(assignment >= 0, fit, 0)


def _centres(vectors: np.ndarray, assignment: np.ndarray) -> np.ndarray:
    """Unit-length mean vector per cluster number, then that of the 'other' needs (so -1 indexes it)."""
    count = assignment.max() + 1
    return normalize(np.asarray(_indicator(np.where(assignment < 0, count, assignment), count + 1) @ vectors))


def _indicator(slots: np.ndarray, count: int) -> sparse.csr_matrix:
    """count x n matrix with a 1 where need i sits in slot slots[i] (negative slots: nowhere)."""
    keep = slots >= 0
    ones = np.ones(int(keep.sum()), dtype=np.float32)
    return sparse.csr_matrix((ones, (slots[keep], np.flatnonzero(keep))), shape=(count, len(slots)))


def _drop_small(assignment: np.ndarray) -> np.ndarray:
    """Send clusters below MIN_CLUSTER_SIZE to 'other' and renumber the rest by size, largest first."""
    numbers, sizes = np.unique(assignment[assignment >= 0], return_counts=True)
    kept = numbers[sizes >= MIN_CLUSTER_SIZE]
    kept = kept[np.argsort(-sizes[sizes >= MIN_CLUSTER_SIZE], kind="stable")]
    renumber = np.full(assignment.max() + 2, -1)
    renumber[kept] = np.arange(len(kept))
    return renumber[assignment]  # -1 indexes the last slot, which stays -1


def _labels(
    word_weights: sparse.csr_matrix,
    preference: np.ndarray,
    vocabulary: np.ndarray,
    assignment: np.ndarray,
    languages: pd.Series,
) -> list[str]:
    """Top words per cluster, in its main language: used by many of its needs, by few others anywhere.

    A word scores (share of the cluster's main-language needs using it - share of the sector's other
    needs using it) x its preference (idf over all needs, more for concept words, 0 for short words);
    ties go to the higher mean TF-IDF, then alphabetical order.
    """
    count = assignment.max() + 1
    languages = languages.astype("string").fillna("").to_numpy()
    main = np.array([_main_language(languages[assignment == number]) for number in range(count)] + [""])
    in_main = (main[assignment] == "") | (languages == main[assignment])  # unknown language: all members
    members, speakers = _indicator(assignment, count), _indicator(np.where(in_main, assignment, -1), count)
    present = (word_weights > 0).astype(np.float32)
    size, spoken = _column(members.sum(axis=1)), _column(speakers.sum(axis=1))
    elsewhere = (np.asarray(present.sum(axis=0)) - (members @ present).toarray()) / np.maximum(
        len(assignment) - size, 1
    )
    distinct = ((speakers @ present).toarray() / spoken - elsewhere) * preference
    weight = (speakers @ word_weights).toarray() / spoken
    alphabetical = np.argsort(np.argsort(vocabulary.astype(str), kind="stable"))  # rank of each word
    labels = []
    for number in range(count):
        candidates = np.flatnonzero(distinct[number] > 0)
        keys = (alphabetical[candidates], -weight[number, candidates], -distinct[number, candidates])
        labels.append(LABEL_SEPARATOR.join(vocabulary[candidates[np.lexsort(keys)[:LABEL_TERMS]]]))
    return labels


def _column(sums: np.matrix) -> np.ndarray:
    """A sparse row-sum as a float column that never divides by zero."""
    return np.maximum(np.asarray(sums, dtype=np.float64), 1)


def _main_language(languages: np.ndarray) -> str:
    """The language most needs use ('' if none is known); ties go to English, then alphabetical."""
    names, counts = np.unique(languages[languages != ""], return_counts=True)
    if len(names) == 0:
        return ""
    tied = names[counts == counts.max()]
    return LABEL_TIE_LANGUAGE if LABEL_TIE_LANGUAGE in tied else tied[0]


def _project(vectors: np.ndarray) -> np.ndarray:
    """2-D position of each need (PCA of its sector's vectors), each axis scaled into [-1, 1]."""
    if len(vectors) < 2 or vectors.shape[1] < 2 or not np.ptp(vectors, axis=0).any():
        return np.zeros((len(vectors), 2))  # nothing to spread out: every need at its sector's centre
    xy = PCA(n_components=2, svd_solver="covariance_eigh").fit_transform(vectors)
    scale = np.abs(xy).max(axis=0)
    return xy / np.where(scale > 0, scale, 1)


def _describe_clusters(
    needs: pd.DataFrame,
    sectors: pd.Series,
    cluster: pd.Series,
    similarity: np.ndarray,
    labels: dict[str, str],
) -> pd.DataFrame:
    """One row per cluster: sector, label, size, organisations, countries, languages, quotes, is_other."""
    rows = pd.DataFrame(
        {
            "cluster": cluster.to_numpy(),
            "sector": sectors.to_numpy(),
            "organisation": needs["organisation"].astype("string").array,
            "country": needs["country"].astype("string").array,
            "language": needs["language"].astype("string").array,
            "need_text": needs["need_text"].astype("string").str.strip().fillna("").array,
        }
    )
    clusters = rows.groupby("cluster", sort=False).agg(
        sector=("sector", "first"), size=("cluster", "size"), organisations=("organisation", "nunique")
    )
    for column, name in (("country", "countries"), ("language", "languages")):
        distinct = rows[["cluster", column]].dropna().drop_duplicates().sort_values(column)
        clusters[name] = _lists_by_cluster(distinct, column, clusters.index)
    clusters["quotes"] = _lists_by_cluster(_quotes(rows, similarity), "need_text", clusters.index)
    clusters["is_other"] = clusters.index.str.endswith(f"-{OTHER}")
    # A cluster none of whose words stands out is named by its id rather than left blank.
    clusters["label"] = [
        OTHER if other else labels.get(name) or name
        for name, other in zip(clusters.index, clusters["is_other"], strict=True)
    ]
    number = clusters.index.str.rsplit("-", n=1).str[-1]
    clusters["number"] = pd.to_numeric(number, errors="coerce").fillna(np.inf)
    clusters = clusters.reset_index().sort_values(["sector", "number"], ignore_index=True)
    columns = [
        "cluster",
        "sector",
        "label",
        "size",
        "organisations",
        "countries",
        "languages",
        "quotes",
        "is_other",
    ]
    return clusters[columns]


def _quotes(rows: pd.DataFrame, similarity: np.ndarray) -> pd.DataFrame:
    """The QUOTES distinct non-empty texts of each cluster closest to its centre (ties: the first need first)."""
    ranked = rows[["cluster", "need_text"]].iloc[np.argsort(-similarity, kind="stable")]
    ranked = ranked[ranked["need_text"] != ""].drop_duplicates()
    return ranked.groupby("cluster", sort=False).head(QUOTES)


def _lists_by_cluster(pairs: pd.DataFrame, column: str, clusters: pd.Index) -> pd.Series:
    """Each cluster's values of the column as a list, in the pairs' order (empty for a cluster with none)."""
    lists: dict[str, list[str]] = {name: [] for name in clusters}
    for name, value in zip(pairs["cluster"].tolist(), pairs[column].tolist(), strict=True):
        lists[name].append(value)
    return pd.Series(list(lists.values()), index=clusters, dtype=object)


def sorted_distinct(values: pd.Series) -> list[str]:
    """Sorted distinct non-missing values as a plain list."""
    return sorted(values.dropna().unique().tolist())
