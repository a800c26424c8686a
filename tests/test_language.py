"""Language of need texts: the function-word vote with lingua for open cases, on written needs in the
twelve survey languages, titles, short text, index and distinct texts."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.language import LANGUAGES, MIN_LEAD, MIN_POINTS, detect_languages, language_scores
from analysis.normalise import detect_language

NEEDS = {
    "en": [
        "We need zero-emission construction machinery for our building sites from 2027.",
        "Our hospitals are looking for reusable surgical textiles instead of single-use gowns.",
        "The council wants to buy electric refuse trucks that can handle a full shift in winter.",
        "We lack the in-house expertise to write functional requirements for heat pumps.",
        "Schools in our region would like plant-based meals with less food waste.",
        "We plan to replace about forty diesel buses with battery buses over the next five years.",
        "Suppliers find it hard to prove their environmental claims, so we need a common method.",
        "Our volumes are too small on their own to move the market for low-carbon concrete.",
        "A joint framework for refurbished laptops and phones would help several municipalities.",
        "We are interested in a shared tender for LED street lighting with long warranties.",
        "The university needs a cooling solution for its data centre that reuses waste heat.",
        "Please contact us if you are preparing a market consultation on charging points.",
        "Timber modular classrooms are a priority in our new procurement strategy.",
        "Road markings without microplastics have been requested by our environment committee.",
        "We would share our tender documents with any buyer who wants to join.",
    ],
    "sv": [
        "Vi behöver fossilfria arbetsmaskiner till våra byggarbetsplatser.",
        "Kommunen vill köpa eldrivna sopbilar som klarar ett helt arbetspass även på vintern.",
        "Våra sjukhus söker återanvändbara operationstextilier i stället för engångsrockar.",
        "Det är svårt att kontrollera leverantörernas miljöpåståenden, därför behövs en gemensam metod.",
        "Vi saknar egen kompetens för att skriva funktionskrav på värmepumpar.",
        "Skolorna i regionen önskar mer växtbaserad mat och mindre matsvinn.",
        "Vi planerar att byta ut ett fyrtiotal dieselbussar mot elbussar under de kommande åren.",
        "Våra egna volymer är för små för att påverka marknaden för klimatförbättrad betong.",
        "Ett gemensamt ramavtal för renoverade datorer skulle hjälpa flera kommuner.",
        "Vi är intresserade av en samordnad upphandling av LED-belysning med långa garantier.",
        "Universitetet behöver kylning av sitt datacenter där spillvärmen tas tillvara.",
        "Hör gärna av er om ni förbereder en marknadsdialog om laddstolpar.",
        "Moduler i trä till skolor är prioriterade i vår nya upphandlingsstrategi.",
        "Miljönämnden har efterfrågat vägmarkering utan mikroplast.",
        "Vi delar gärna våra upphandlingsdokument med andra köpare som vill vara med.",
    ],
    "da": [
        "Vi har brug for emissionsfrie entreprenørmaskiner på vores byggepladser fra 2027.",
        "Kommunen ønsker at købe eldrevne skraldebiler, der kan klare en hel vagt om vinteren.",
        "Vores hospitaler efterspørger genbrugelige operationstekstiler i stedet for engangskitler.",
        "Det er svært at efterprøve leverandørernes miljøudsagn, så vi mangler en fælles metode.",
        "Vi mangler selv kompetencer til at skrive funktionskrav til varmepumper.",
        "Skolerne i regionen vil gerne have mere plantebaseret mad og mindre madspild.",
        "Vi forventer at udskifte omkring fyrre dieselbusser med elbusser i løbet af de næste år.",
        "Vores egne mængder er for små til at påvirke markedet for klimavenlig beton.",
        "En fælles rammeaftale om istandsatte computere ville hjælpe flere kommuner.",
        "Vi er interesserede i et fælles udbud af LED-gadebelysning med lange garantier.",
        "Universitetet skal bruge køling af sit datacenter, hvor overskudsvarmen bliver genanvendt.",
        "Kontakt os gerne, hvis I forbereder en markedsdialog om ladestandere.",
        "Modulære skolebygninger i træ er prioriteret i vores nye indkøbsstrategi.",
        "Miljøudvalget har efterspurgt vejstriber uden mikroplast.",
        "Vi deler gerne vores udbudsmateriale med andre indkøbere, som vil være med.",
    ],
    "no": [
        "Vi trenger utslippsfrie anleggsmaskiner på byggeplassene våre fra 2027.",
        "Kommunen ønsker å kjøpe elektriske søppelbiler som klarer et helt skift om vinteren.",
        "Sykehusene våre etterspør gjenbrukbare operasjonstekstiler i stedet for engangsfrakker.",
        "Det er vanskelig å etterprøve leverandørenes miljøpåstander, så vi trenger en felles metode.",
        "Vi mangler egen kompetanse til å skrive funksjonskrav til varmepumper.",
        "Skolene i fylket ønsker mer plantebasert mat og mindre matsvinn.",
        "Vi planlegger å bytte ut rundt førti dieselbusser med elbusser de neste årene.",
        "Våre egne volumer er for små til å påvirke markedet for lavkarbonbetong.",
        "En felles rammeavtale for oppussede datamaskiner ville hjelpe flere kommuner.",
        "Vi er interessert i et felles anbud på LED-gatelys med lange garantier.",
        "Universitetet trenger kjøling av datasenteret sitt der overskuddsvarmen blir utnyttet.",
        "Ta gjerne kontakt hvis dere forbereder en markedsdialog om ladepunkter.",
        "Modulbygg i tre for skoler er prioritert i den nye innkjøpsstrategien vår.",
        "Miljøutvalget har etterspurt veimerking uten mikroplast.",
        "Vi deler gjerne konkurransegrunnlaget vårt med andre innkjøpere som vil være med.",
    ],
    "de": [
        "Wir möchten ab 2027 emissionsfreie Baumaschinen auf unseren Baustellen vorschreiben.",
        "Die Stadt will elektrische Müllfahrzeuge beschaffen, die eine ganze Schicht im Winter schaffen.",
        "Unsere Kliniken suchen wiederverwendbare OP-Textilien statt Einwegkitteln.",
        "Umweltaussagen der Lieferanten sind schwer zu prüfen, deshalb brauchen wir eine gemeinsame Methode.",
        "Uns fehlt das Know-how für gute funktionale Leistungsbeschreibungen bei Wärmepumpen.",
        "Die Schulen im Landkreis wünschen sich mehr pflanzliche Gerichte und weniger Lebensmittelabfälle.",
        "In den nächsten Jahren sollen rund vierzig Dieselbusse durch Elektrobusse ersetzt werden.",
        "Allein sind unsere Mengen zu klein, um den Markt für CO2-reduzierten Beton zu bewegen.",
        "Ein gemeinsamer Rahmenvertrag für aufbereitete Laptops würde mehreren Kommunen helfen.",
        "Wir sind an einer gemeinsamen Ausschreibung für LED-Straßenbeleuchtung interessiert.",
        "Die Universität benötigt eine Kühlung für ihr Rechenzentrum mit Abwärmenutzung.",
        "Melden Sie sich gern, wenn Sie eine Markterkundung zu Ladesäulen vorbereiten.",
        "Modulare Schulbauten aus Holz haben in unserer neuen Beschaffungsstrategie Vorrang.",
        "Der Umweltausschuss hat Fahrbahnmarkierungen ohne Mikroplastik gefordert.",
        "Gerne teilen wir unsere Vergabeunterlagen mit anderen Auftraggebern.",
    ],
    "nl": [
        "Vanaf 2027 willen we emissieloze bouwmachines op onze bouwplaatsen eisen.",
        "De gemeente wil elektrische vuilniswagens kopen die in de winter een hele dienst volhouden.",
        "Onze ziekenhuizen zoeken herbruikbaar operatietextiel in plaats van wegwerpjassen.",
        "Milieuclaims van leveranciers zijn moeilijk te controleren, daarom is een gezamenlijke methode nodig.",
        "Wij missen de kennis om goede functionele eisen voor warmtepompen op te stellen.",
        "De scholen in onze regio willen meer plantaardige maaltijden en minder voedselverspilling.",
        "We vervangen de komende jaren ongeveer veertig dieselbussen door elektrische bussen.",
        "Alleen zijn onze volumes te klein om de markt voor CO2-arm beton te bewegen.",
        "Een gezamenlijke raamovereenkomst voor gereviseerde laptops zou meerdere gemeenten helpen.",
        "Wij hebben interesse in een gezamenlijke aanbesteding van LED-straatverlichting.",
        "De universiteit heeft koeling nodig voor haar datacentrum waarbij restwarmte wordt hergebruikt.",
        "Neem gerust contact op als u een marktconsultatie over laadpalen voorbereidt.",
        "Modulaire schoolgebouwen van hout hebben prioriteit in onze nieuwe inkoopstrategie.",
        "De milieucommissie heeft gevraagd om wegmarkeringen zonder microplastics.",
        "Wij delen graag onze aanbestedingsstukken met andere inkopers die willen aansluiten.",
    ],
    "fr": [
        "Nous cherchons des fournisseurs de repas bio pour les cantines scolaires.",
        "La ville souhaite acheter des bennes à ordures électriques capables de tenir une journée entière.",
        "Nos hôpitaux recherchent des textiles opératoires réutilisables plutôt que des blouses jetables.",
        "Il est difficile de vérifier les allégations environnementales des fournisseurs.",
        "Nous manquons d'expertise interne pour rédiger des exigences fonctionnelles sur les pompes à chaleur.",
        "Les écoles du département veulent davantage de menus végétariens et moins de gaspillage.",
        "Nous prévoyons de remplacer une quarantaine de bus diesel par des bus électriques.",
        "Seuls, nos volumes sont trop faibles pour faire évoluer le marché du béton bas carbone.",
        "Un accord-cadre commun pour des ordinateurs reconditionnés aiderait plusieurs communes.",
        "Nous sommes intéressés par un marché groupé d'éclairage public LED avec de longues garanties.",
        "L'université a besoin d'un refroidissement de son centre de données qui récupère la chaleur.",
        "N'hésitez pas à nous contacter si vous préparez une consultation sur les bornes de recharge.",
        "Les écoles modulaires en bois sont une priorité de notre nouvelle stratégie d'achat.",
        "La commission environnement a demandé un marquage routier sans microplastiques.",
        "Nous partageons volontiers nos documents de consultation avec d'autres acheteurs.",
    ],
    "es": [
        "Buscamos maquinaria de obra sin emisiones para nuestras obras a partir de 2027.",
        "El ayuntamiento quiere comprar camiones de basura eléctricos que aguanten un turno completo.",
        "Nuestros hospitales necesitan textiles quirúrgicos reutilizables en lugar de batas desechables.",
        "Es difícil verificar las declaraciones ambientales de los proveedores.",
        "Nos falta experiencia propia para redactar requisitos funcionales de bombas de calor.",
        "Los colegios de la provincia piden más menús vegetales y menos desperdicio de alimentos.",
        "Tenemos previsto sustituir unos cuarenta autobuses diésel por autobuses eléctricos.",
        "Nuestros volúmenes son demasiado pequeños para mover el mercado del hormigón bajo en carbono.",
        "Un acuerdo marco conjunto de ordenadores reacondicionados ayudaría a varios municipios.",
        "Estamos interesados en una licitación conjunta de alumbrado público LED con garantías largas.",
        "La universidad necesita refrigeración para su centro de datos con aprovechamiento del calor.",
        "No duden en contactarnos si preparan una consulta preliminar al mercado sobre puntos de recarga.",
        "Las escuelas modulares de madera son una prioridad de nuestra nueva estrategia de compras.",
        "La comisión de medio ambiente ha pedido marcas viales sin microplásticos.",
        "Podemos compartir nuestros pliegos con otros compradores que quieran sumarse.",
    ],
    "pt": [
        "Precisamos de máquinas de construção sem emissões para as nossas obras a partir de 2027.",
        "A câmara municipal quer comprar camiões de lixo elétricos que aguentem um turno inteiro.",
        "Os nossos hospitais procuram têxteis cirúrgicos reutilizáveis em vez de batas descartáveis.",
        "É difícil verificar as alegações ambientais dos fornecedores.",
        "Falta-nos competência interna para redigir requisitos funcionais de bombas de calor.",
        "As escolas da região querem mais refeições vegetarianas e menos desperdício alimentar.",
        "Prevemos substituir cerca de quarenta autocarros a gasóleo por autocarros elétricos.",
        "Os nossos volumes são pequenos demais para mudar o mercado do betão de baixo carbono.",
        "Um acordo-quadro conjunto de computadores recondicionados ajudaria vários municípios.",
        "Temos interesse num concurso conjunto de iluminação pública LED com garantias longas.",
        "A universidade precisa de arrefecimento para o seu centro de dados com aproveitamento do calor.",
        "Não hesitem em contactar-nos se estiverem a preparar uma consulta sobre postos de carregamento.",
        "As escolas modulares em madeira são uma prioridade da nossa nova estratégia de compras.",
        "A comissão do ambiente pediu marcações rodoviárias sem microplásticos.",
        "Podemos partilhar os nossos cadernos de encargos com outros compradores interessados.",
    ],
    "it": [
        "Cerchiamo macchine da cantiere a zero emissioni per i nostri cantieri dal 2027.",
        "Il comune vuole acquistare compattatori elettrici che reggano un intero turno.",
        "I nostri ospedali cercano tessili chirurgici riutilizzabili al posto dei camici monouso.",
        "È difficile verificare le dichiarazioni ambientali dei fornitori.",
        "Ci mancano le competenze interne per scrivere requisiti funzionali sulle pompe di calore.",
        "Le scuole della provincia chiedono più pasti vegetali e meno spreco alimentare.",
        "Prevediamo di sostituire circa quaranta autobus diesel con autobus elettrici.",
        "Da soli i nostri volumi sono troppo piccoli per cambiare il mercato del calcestruzzo.",
        "Un accordo quadro comune per computer ricondizionati aiuterebbe diversi comuni.",
        "Siamo interessati a una gara congiunta per l'illuminazione pubblica a LED.",
        "L'università ha bisogno di raffreddare il suo centro dati recuperando il calore.",
        "Non esitate a contattarci se state preparando una consultazione sulle colonnine di ricarica.",
        "Le scuole modulari in legno sono una priorità della nostra nuova strategia di acquisto.",
        "La commissione ambiente ha chiesto segnaletica stradale senza microplastiche.",
        "Possiamo condividere i nostri capitolati con altri acquirenti interessati.",
    ],
    "pl": [
        "Potrzebujemy bezemisyjnych maszyn budowlanych na naszych placach budowy od 2027 roku.",
        "Miasto chce kupić elektryczne śmieciarki, które wytrzymają całą zmianę zimą.",
        "Nasze szpitale szukają tekstyliów chirurgicznych wielokrotnego użytku zamiast jednorazowych.",
        "Trudno jest zweryfikować deklaracje środowiskowe dostawców.",
        "Brakuje nam wiedzy, aby napisać wymagania funkcjonalne dla pomp ciepła.",
        "Szkoły w powiecie chcą więcej posiłków roślinnych i mniej marnowania żywności.",
        "Planujemy wymienić około czterdziestu autobusów z silnikiem diesla na elektryczne.",
        "Nasze wolumeny są zbyt małe, żeby zmienić rynek betonu niskoemisyjnego.",
        "Wspólna umowa ramowa na odnowione komputery pomogłaby kilku gminom.",
        "Jesteśmy zainteresowani wspólnym przetargiem na oświetlenie uliczne LED.",
        "Uczelnia potrzebuje chłodzenia serwerowni z odzyskiem ciepła odpadowego.",
        "Prosimy o kontakt, jeśli przygotowują Państwo dialog techniczny w sprawie ładowarek.",
        "Modułowe szkoły z drewna są priorytetem w naszej nowej strategii zakupowej.",
        "Komisja środowiska poprosiła o oznakowanie poziome bez mikroplastiku.",
        "Chętnie udostępnimy naszą dokumentację przetargową innym zamawiającym.",
    ],
    "fi": [
        "Tarvitsemme päästöttömiä työkoneita rakennustyömaillemme vuodesta 2027 alkaen.",
        "Kaupunki haluaa hankkia sähköisiä jäteautoja, jotka kestävät koko vuoron talvellakin.",
        "Sairaalamme etsivät uudelleenkäytettäviä leikkaustekstiilejä kertakäyttöisten tilalle.",
        "Toimittajien ympäristöväitteitä on vaikea todentaa, joten tarvitaan yhteinen menetelmä.",
        "Meiltä puuttuu osaamista kirjoittaa toiminnallisia vaatimuksia lämpöpumpuille.",
        "Alueen koulut toivovat enemmän kasvisruokaa ja vähemmän ruokahävikkiä.",
        "Aiomme korvata noin neljäkymmentä dieselbussia sähköbusseilla seuraavien vuosien aikana.",
        "Omat hankintamääramme ovat liian pieniä vaikuttamaan vähähiilisen betonin markkinaan.",
        "Yhteinen puitejärjestely kunnostetuista tietokoneista auttaisi useita kuntia.",
        "Olemme kiinnostuneita yhteishankinnasta, joka koskee LED-katuvalaistusta.",
        "Yliopisto tarvitsee konesalilleen jäähdytyksen, jossa hukkalämpö otetaan talteen.",
        "Ottakaa yhteyttä, jos valmistelette markkinavuoropuhelua latauspisteistä.",
        "Puiset moduulikoulut ovat etusijalla uudessa hankintastrategiassamme.",
        "Ympäristölautakunta on pyytänyt tiemerkintöjä ilman mikromuovia.",
        "Jaamme mielellämme tarjouspyyntöasiakirjamme muiden hankkijoiden kanssa.",
    ],
}
TITLES = {
    "Suministro de material sanitario": "es",
    "Fossilfria arbetsmaskiner till byggarbetsplatser": "sv",
    "Emissionsfreie Baumaschinen für Baustellen": "de",
    "Repas bio pour les cantines scolaires": "fr",
    "Electric buses for the city fleet": "en",
}


def _all_needs() -> tuple[list[str], list[str]]:
    """Every hand-written need and its language, in one list each."""
    texts = [text for texts in NEEDS.values() for text in texts]
    codes = [code for code, texts in NEEDS.items() for _ in texts]
    return texts, codes


def test_each_language_has_at_least_fifteen_needs():
    assert all(len(texts) >= 15 for texts in NEEDS.values())
    assert set(NEEDS) == {"en", "sv", "de", "fr", "es", "it", "pl", "nl", "fi", "da", "no", "pt"}


def test_needs_are_detected_with_at_least_95_percent_accuracy_and_each_language_mostly_right():
    texts, codes = _all_needs()
    found = detect_languages(texts)
    right = [f == c for f, c in zip(found, codes, strict=True)]
    assert sum(right) / len(right) >= 0.95
    for code in NEEDS:
        own = [r for r, c in zip(right, codes, strict=True) if c == code]
        assert sum(own) >= len(own) - 2, code


def test_needs_the_function_words_decide_are_decided_right_and_most_are_decided_so():
    texts, codes = _all_needs()
    scores = language_scores(texts)
    ranked = np.sort(scores, axis=1)
    clear = (ranked[:, -1] >= MIN_POINTS) & (ranked[:, -1] >= MIN_LEAD * ranked[:, -2])
    voted = [LANGUAGES[column] for column in scores.argmax(axis=1)]
    assert all(v == c for v, c, decided in zip(voted, codes, clear, strict=True) if decided)
    assert clear.mean() >= 0.6


@pytest.mark.parametrize(("title", "code"), TITLES.items())
def test_titles_without_many_function_words_are_detected(title, code):
    assert detect_languages([title]) == [code]


def test_empty_and_short_texts_are_unknown_and_the_index_is_kept():
    texts = pd.Series(
        ["", "  ", "Ja", "n/a", None, "Nous cherchons des bus électriques pour la ville"],
        index=[10, 11, 12, 13, 14, 15],
    )
    found = detect_language(texts)
    assert list(found.index) == [10, 11, 12, 13, 14, 15]
    assert found.isna().tolist() == [True] * 5 + [False]
    assert found[15] == "fr"


def test_repeated_texts_get_the_same_language_as_when_alone():
    texts, _ = _all_needs()
    repeated = pd.Series(texts * 2 + [texts[0].upper()])
    found = detect_language(repeated)
    assert found.iloc[: len(texts)].tolist() == found.iloc[len(texts) : 2 * len(texts)].tolist()
    assert found.iloc[: len(texts)].tolist() == detect_languages(texts)


def test_no_texts_give_no_languages():
    assert detect_languages([]) == []
    assert detect_language(pd.Series([], dtype="string")).tolist() == []


@given(st.lists(st.text(max_size=40), max_size=8))
def test_any_writing_gets_a_survey_language_or_unknown(texts):
    found = detect_language(pd.Series(texts, dtype="object"))
    assert len(found) == len(texts)
    assert set(found.dropna()) <= set(NEEDS)
