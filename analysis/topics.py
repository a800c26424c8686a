"""Clusters of needs inside each sector, across languages: TF-IDF, LSA, shared concepts, then k-means.

Method, deterministic for a given seed:
1. Words are counted once for all needs (lower case, runs of letters, stop words of the main EU
   languages dropped). Each word carries character n-grams (3-5, accents stripped, spelling folded so
   that 'elektrisch', 'electric' and 'eléctrico' share n-grams), derived through a word -> n-gram
   matrix, far faster than rescanning every text. Each need also carries the procurement concepts its
   text names (analysis.concepts: 'Müllfahrzeuge', 'sopbilar' and 'refuse trucks' are one concept).
   Idf is taken over all needs, so sentences people add to every answer weigh little.
2. Inside a sector, the wording (word and n-gram TF-IDF) is reduced with TruncatedSVD (LSA) learnt on
   at most SVD_SAMPLE needs; each language's mean wording is subtracted (shrunk for rare languages),
   so needs gather by topic rather than by language; the concepts are joined on; rows get unit length.
3. k in 2..min(MAX_CLUSTERS, n / NEEDS_PER_CLUSTER) is chosen by silhouette on at most
   SILHOUETTE_SAMPLE needs, and kept only if it beats the silhouette of the same data with each column
   shuffled by MIN_SPLIT_GAIN; otherwise, and for sectors under MIN_SECTOR_SIZE needs, the sector is one
   cluster. k-means (MiniBatchKMeans from MINIBATCH_FROM needs) then runs on all needs from the
   sample's centres.
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
from scipy import sparse
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.decomposition import PCA, TruncatedSVD
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.preprocessing import normalize
from threadpoolctl import threadpool_limits

from analysis.concepts import concept_matrix
from analysis.taxonomy import UNCLASSIFIED

OTHER = "other"  # suffix of the cluster that holds a sector's needs fitting no cluster
MIN_SECTOR_SIZE = 10  # fewer needs than this: the sector is one cluster, too few to split
MIN_CLUSTER_SIZE = 3  # fewer needs than this is not a shared topic: they go to 'other'
MAX_CLUSTERS = 8  # per sector; more is no longer readable as cards on one page
NEEDS_PER_CLUSTER = 5  # k is at most n / 5, so each cluster can hold a handful of needs
MIN_SPLIT_GAIN = 0.025  # a split must beat the silhouette of structureless data by this, else one cluster
NOISE_REPEATS = 3  # shuffled copies the structureless reference is averaged over
OUTLIER_SIMILARITY = 0.15  # cosine to the centre of the rest of its cluster below this: 'other'
SILHOUETTE_SAMPLE = 1000  # silhouette costs n^2: choose k on at most this many needs
SVD_SAMPLE = 2000  # the topic space is learnt from at most this many needs, then applied to all
MINIBATCH_FROM = 5000  # sectors with at least this many needs use MiniBatchKMeans
SVD_COMPONENTS = 32
SVD_ITERATIONS = 3
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
    word_counts, vocabulary = _count_words(texts)
    concepts = concept_matrix(texts).astype(np.float32)
    lexicon = _lexicon(vocabulary, np.bincount(word_counts.indices, minlength=len(vocabulary)), concepts)

    sectors = needs["sector"].astype("string").fillna(UNCLASSIFIED)
    cluster = pd.Series("", index=needs.index, dtype="string")
    similarity = np.zeros(len(needs), dtype=np.float32)
    x = np.zeros(len(needs))
    y = np.zeros(len(needs))
    labels: dict[str, str] = {}
    sector_order = sorted(sectors.unique())
    columns = max(1, int(np.ceil(np.sqrt(len(sector_order)))))
    for position, sector in enumerate(sector_order):
        rows = np.flatnonzero(sectors.to_numpy() == sector)
        # Each sector's work is many small BLAS/OpenMP calls: extra threads only spin, worst on a busy machine.
        with threadpool_limits(limits=1):
            found = _cluster_sector(
                word_counts[rows], concepts[rows], lexicon, needs["language"].iloc[rows], seed
            )
        names = np.array(
            [f"{sector}-{number}" for number in range(1, len(found.labels) + 1)] + [f"{sector}-{OTHER}"]
        )
        cluster.iloc[rows] = names[found.assignment]  # -1 picks the last name: 'other'
        labels.update(zip(names[:-1], found.labels, strict=True))
        similarity[rows] = found.similarity
        x[rows] = found.xy[:, 0] + SECTOR_SPACING * (position % columns)
        y[rows] = found.xy[:, 1] - SECTOR_SPACING * (position // columns)

    assignments = pd.DataFrame({"cluster": cluster, "x": x, "y": y}, index=needs.index)
    return TopicResult(assignments, _describe_clusters(needs, sectors, cluster, similarity, labels))


@dataclass(frozen=True)
class _Lexicon:
    """The words of all needs, the character n-grams and shared concepts each word carries, and their idf."""

    vocabulary: np.ndarray
    ngram_map: sparse.csr_matrix  # word x n-gram counts
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


def _count_words(texts: pd.Series) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Word counts per need and the vocabulary: lower case, runs of two letters or more, no stop words."""
    lowered = pc.utf8_lower(pa.array(texts.to_numpy(dtype=object), type=pa.large_string()))
    pieces = pc.split_pattern_regex(lowered, WORD_SEPARATOR)  # Arrow's C++ regex: fast on 100k texts
    words = pc.list_flatten(pieces)
    need = np.repeat(np.arange(len(texts)), pc.list_value_length(pieces).to_numpy())
    kept = pc.and_(
        pc.greater_equal(pc.utf8_length(words), 2), pc.invert(pc.is_in(words, pa.array(sorted(STOP_WORDS))))
    )
    kept = kept.to_numpy(zero_copy_only=False)
    codes, vocabulary = pd.factorize(pd.Series(words.filter(kept), dtype=pd.ArrowDtype(pa.large_string())))
    vocabulary = np.asarray(vocabulary, dtype=object)
    frequency = np.bincount(codes, minlength=len(vocabulary))
    top = np.sort(np.lexsort((vocabulary, -frequency))[:MAX_WORDS])  # most used words; ties alphabetical
    column = np.full(len(vocabulary), -1)
    column[top] = np.arange(len(top))
    columns, rows = column[codes], need[kept]
    hit = columns >= 0
    ones = np.ones(int(hit.sum()), dtype=np.float32)
    counts = sparse.csr_matrix(
        (ones, (rows[hit], columns[hit])), shape=(len(texts), len(top))
    )  # sums repeats
    return counts, vocabulary[top]


def _lexicon(vocabulary: np.ndarray, document_frequency: np.ndarray, concepts: sparse.csr_matrix) -> _Lexicon:
    """N-grams, concepts and idf of every word, the idf taken over all needs of all sectors.

    Idf over all sectors is what silences the sentences people add to every answer ('prices are
    high', 'we plan a market dialogue'): they recur in every sector, a topic's words in one. The
    document frequency of an n-gram or concept is the sum over its words: cheap, and it only
    overcounts needs that use two such words.
    """
    needs = concepts.shape[0]
    ngram_map = _ngram_map([_plain(word) for word in vocabulary])
    frequency = document_frequency.astype(np.float64)
    return _Lexicon(
        vocabulary,
        ngram_map,
        concept_matrix(pd.Series(vocabulary, dtype="string")).getnnz(axis=1) > 0,
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


def _shared_columns(counts: sparse.csr_matrix) -> np.ndarray:
    """Columns used by at least two needs (others cannot bring needs together), at most MAX_SECTOR_FEATURES."""
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    shared = np.flatnonzero(frequency >= 2)
    if len(shared) > MAX_SECTOR_FEATURES:
        shared = np.sort(shared[np.argsort(-frequency[shared], kind="stable")[:MAX_SECTOR_FEATURES]])
    return shared


def _cluster_sector(
    word_counts: sparse.csr_matrix,
    concepts: sparse.csr_matrix,
    lexicon: _Lexicon,
    languages: pd.Series,
    seed: int,
) -> _SectorClusters:
    """Cluster one sector's needs from their word counts and the concepts their texts name."""
    n = word_counts.shape[0]
    if word_counts.nnz == 0:
        return _SectorClusters(np.full(n, -1), np.zeros(n, dtype=np.float32), np.zeros((n, 2)), [])
    has_words = word_counts.getnnz(axis=1) > 0
    word_counts, word_columns = _used_columns(word_counts)
    vectors = _vectors(word_counts, word_columns, concepts, lexicon, languages, seed)

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
    language and are left as they are.
    """
    wording = []
    for counts, idf, weight in (
        (word_counts, lexicon.word_idf[word_columns], 1.0),
        ((word_counts @ lexicon.ngram_map[word_columns]).tocsr(), lexicon.ngram_idf, NGRAM_WEIGHT),
    ):
        shared = _shared_columns(counts)
        wording.append(_tfidf(counts[:, shared], idf[shared]) * weight)
    empty = sparse.csr_matrix((word_counts.shape[0], 1), dtype=np.float32)  # one column even if none shared
    text = _reduce(normalize(sparse.hstack([*wording, empty], format="csr")), seed)
    text -= _language_means(text, languages)
    meaning = _tfidf(concepts, lexicon.concept_idf).toarray()
    return normalize(np.hstack([text, CONCEPT_WEIGHT * meaning])).astype(np.float32)


def _language_means(vectors: np.ndarray, languages: pd.Series) -> np.ndarray:
    """Each need's language mean vector, shrunk towards zero for languages with few needs in the sector."""
    codes, _ = pd.factorize(languages.astype("string").fillna(""))
    sums = np.asarray(_indicator(codes, codes.max() + 1) @ vectors)
    counts = np.bincount(codes)
    return (sums / (counts + LANGUAGE_SHRINK)[:, None])[codes]


def _reduce(features: sparse.csr_matrix, seed: int) -> np.ndarray:
    """LSA vectors of unit length; small sectors keep their TF-IDF rows as they are."""
    n, m = features.shape
    components = min(SVD_COMPONENTS, n - 1, m - 1)
    if n < MIN_SECTOR_SIZE or components < 2:
        return features.toarray()
    svd = TruncatedSVD(n_components=components, n_iter=SVD_ITERATIONS, random_state=seed)
    svd.fit(features[_sample(n, SVD_SAMPLE, seed)])
    return normalize(svd.transform(features)).astype(np.float32)


def _sample(n: int, size: int, seed: int) -> np.ndarray:
    """Sorted positions of a seeded random sample of at most size out of n."""
    return np.sort(np.random.default_rng(seed).choice(n, size=min(n, size), replace=False))


def _kmeans(vectors: np.ndarray, seed: int) -> np.ndarray:
    """Cluster numbers: k by silhouette on a bounded sample, one cluster if that split is no better than noise."""
    n = len(vectors)
    sample = vectors[_sample(n, SILHOUETTE_SAMPLE, seed)]
    distances = _distances(sample)
    best_k, best_score, best_centres = 1, -1.0, None
    for k in range(2, min(MAX_CLUSTERS, n // NEEDS_PER_CLUSTER) + 1):
        model = KMeans(n_clusters=k, n_init=2, random_state=seed).fit(sample)
        score = _silhouette(distances, model.labels_)
        if score > best_score:
            best_k, best_score, best_centres = k, score, model.cluster_centers_
    if best_centres is None or best_score - _noise_silhouette(sample, best_k, seed) < MIN_SPLIT_GAIN:
        return np.zeros(n, dtype=int)
    final = MiniBatchKMeans if n >= MINIBATCH_FROM else KMeans
    return final(n_clusters=best_k, init=best_centres, n_init=1, random_state=seed).fit_predict(vectors)


def _noise_silhouette(sample: np.ndarray, k: int, seed: int) -> float:
    """Silhouette k-means reaches with k on structureless data like the sample (each column shuffled alone).

    Few short texts in many dimensions give any split a fair silhouette; only the excess over this
    reference says the needs really form k groups.
    """
    rng = np.random.default_rng(seed)
    scores = []
    for _ in range(NOISE_REPEATS):
        noise = normalize(np.column_stack([rng.permutation(column) for column in sample.T]))
        labels = KMeans(n_clusters=k, n_init=2, random_state=seed).fit_predict(noise)
        scores.append(_silhouette(_distances(noise), labels))
    return float(np.mean(scores))


def _distances(vectors: np.ndarray) -> np.ndarray:
    """Cosine distances between unit vectors."""
    distances = np.clip(1 - vectors @ vectors.T, 0, None)
    np.fill_diagonal(distances, 0)
    return distances


def _silhouette(distances: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette coefficient, as sklearn defines it, from precomputed distances in one product.

    sklearn's silhouette_score loops over rows in Python; choosing k calls it up to seven times a sector.
    """
    labels = np.unique(labels, return_inverse=True)[1]
    members = np.eye(labels.max() + 1, dtype=distances.dtype)[labels]
    sizes = members.sum(axis=0)
    totals = distances @ members  # sum of distances from each need to each cluster
    rows = np.arange(len(labels))
    own = sizes[labels]
    inner = totals[rows, labels] / np.maximum(own - 1, 1)
    means = totals / sizes
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
    xy = PCA(n_components=2, svd_solver="full").fit_transform(vectors.astype(np.float64))
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
            "organisation": needs["organisation"].astype("string").to_numpy(),
            "country": needs["country"].astype("string").to_numpy(),
            "language": needs["language"].astype("string").to_numpy(),
            "need_text": needs["need_text"].astype("string").str.strip().to_numpy(),
            "similarity": similarity,
            "order": np.arange(len(needs)),
        }
    )
    grouped = rows.groupby("cluster", sort=False)
    clusters = grouped.agg(
        sector=("sector", "first"),
        size=("cluster", "size"),
        organisations=("organisation", "nunique"),
        countries=("country", sorted_distinct),
        languages=("language", sorted_distinct),
    )
    quotes = (
        rows[rows["need_text"].fillna("") != ""]
        .sort_values(["similarity", "order"], ascending=[False, True])
        .drop_duplicates(["cluster", "need_text"])
        .groupby("cluster", sort=False)["need_text"]
        .agg(lambda texts: texts.iloc[:QUOTES].tolist())
    )
    clusters["quotes"] = quotes.reindex(clusters.index).apply(lambda q: q if isinstance(q, list) else [])
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


def sorted_distinct(values: pd.Series) -> list[str]:
    """Sorted distinct non-missing values as a plain list."""
    return sorted(values.dropna().unique().tolist())
