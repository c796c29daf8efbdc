"""The words of the benchmark data set: regions, themes, places, names, titles and sentences to draw from."""

REGIONS = [
    ("noord", "Noord"), ("oost", "Oost"), ("midden", "Midden"),
    ("noordwest", "Noordwest"), ("zuidwest", "Zuidwest"), ("zuid", "Zuid"),
]
# Weights of the regions for coalitions: not uniform, like the real network.
REGION_WEIGHTS = [14, 16, 15, 20, 22, 13]

THEMES = [
    ("talentontwikkeling", "Talentontwikkeling"),
    ("verrijkte-schooldag", "Verrijkte schooldag"),
    ("ouderbetrokkenheid", "Ouderbetrokkenheid"),
    ("samenwerking-jeugdhulp", "Samenwerking met jeugdhulp"),
    ("extra-onderwijstijd", "Extra onderwijstijd en tutoring"),
    ("belevingswereld", "Belevingswereld vergroten"),
    ("taal-nt2", "Taal en NT2"),
    ("welbevinden-verzuim", "Welbevinden en verzuim"),
    ("school-kinderopvang", "School en kinderopvang"),
    ("cultureel-responsief-onderwijs", "Cultureel responsief onderwijs"),
    ("armoede", "Armoede"),
]

PLACES = [
    "Groningen", "Veendam", "Pekela", "Oldambt", "Stadskanaal", "Leeuwarden", "Heerenveen", "Assen", "Emmen",
    "Zwolle", "Deventer", "Enschede", "Hengelo", "Almelo", "Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Tiel",
    "Utrecht", "Amersfoort", "Nieuwegein", "Zeist", "Almere", "Lelystad", "Amsterdam", "Haarlem", "Zandvoort",
    "Hoorn", "Enkhuizen", "Zaanstad", "Den Helder", "Alkmaar", "Den Haag", "Rotterdam", "Schiedam", "Rijswijk",
    "Leiden", "Dordrecht", "Gouda", "Zoetermeer", "Middelburg", "Vlissingen", "Terneuzen", "Goes", "Eindhoven",
    "Helmond", "Tilburg", "Breda", "Oss", "Maastricht", "Heerlen", "Kerkrade", "Sittard-Geleen", "Venlo",
    "Roermond",
]
AREAS = ["Noord", "Zuid", "Oost", "West", "Centrum", "en omstreken", "Stad", "Dorpen", "Wijken", "Regio"]

FIRST_NAMES = [
    "Sanne", "Marja", "Femke", "Bart", "Samira", "Joost", "Linda", "Maud", "Noor", "Ruud", "Inge", "Thijs",
    "Fatima", "Mohamed", "Anouk", "Daan", "Eva", "Lucas", "Yara", "Sem", "Lotte", "Milan", "Ilse", "Kees",
]
LAST_NAMES = [
    "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "de Boer", "Bos", "Vos", "Peters",
    "Hendriks", "Dijkstra", "Wolters", "Benali", "Kok", "Verbeek", "Willems", "Yilmaz", "El Amrani",
]

PRACTICE_TITLES = [
    "Ouderkamer in de {place_kind}", "Tutoring in kleine groepjes", "Verrijkte middag met sport en cultuur",
    "Spreekuur van het jeugdteam op {place_kind}", "Taalcafé voor ouders", "Beroepenweek met bedrijven uit de wijk",
    "Doorgaande lijn van peuteropvang naar groep 1", "Huiswerkklas na schooltijd", "Aanwezigheidsaanpak",
    "Leesbevordering met de bibliotheek", "Zomerschool voor de overstap naar het vo", "Schoolontbijt zonder stigma",
    "Natuurlessen op de boerderij", "Mentoraat voor iedere leerling", "Muziekles voor de hele klas",
    "Samen koken met ouders", "Rolmodellen uit de buurt", "Techniekclub met de hogeschool",
]
PLACE_KINDS = ["school", "basisschool", "het kindcentrum", "de brede school", "het IKC", "de bso"]

# Sentences for the text fields; about one in five mentions "school", so a search for it hits most rows.
SENTENCES = [
    "De school werkt samen met de kinderopvang aan een doorgaande lijn.",
    "Ouders komen elke week bij elkaar in de ouderkamer.",
    "Het jeugdteam houdt spreekuur op het schoolplein, dichtbij en zonder wachtlijst.",
    "Kinderen ontdekken hun talenten in workshops van sportverenigingen en kunstenaars.",
    "Tutoren van de hogeschool begeleiden kleine groepjes leerlingen met rekenen en taal.",
    "De gemeente financiert de coördinator die de partners bij elkaar brengt.",
    "Leerkrachten bezoeken elkaars lessen en bespreken wat ze zagen.",
    "In de verrijkte schooldag wisselen lessen en activiteiten elkaar af.",
    "Kinderen die Nederlands als tweede taal leren krijgen extra woordenschatlessen.",
    "Het verzuim daalde in een jaar merkbaar en kinderen voelen zich veiliger.",
    "Begin klein en maak vervolgafspraken na iedere bijeenkomst.",
    "Een vaste contactpersoon per organisatie maakt de samenwerking eenvoudig.",
    "De bibliotheek leent boeken uit in de aula van de school.",
    "Ouders die weinig geld hebben krijgen stil hulp zonder dat hun kind zich apart voelt.",
    "Bedrijven uit de wijk laten kinderen kennismaken met hun beroepen.",
    "De bso en de school gebruiken hetzelfde gebouw en dezelfde afspraken.",
    "Leerlingen van de middelbare school helpen jongere kinderen met lezen.",
    "Na de zomer evalueert het team met alle partners wat werkte en wat niet.",
    "Cultureel responsief lesgeven sluit aan bij de taal en ervaringen van kinderen.",
    "Een buurtsportcoach organiseert iedere middag een activiteit in het park.",
    "Het schoolteam kreeg een training over het gesprek met ouders.",
    "De coalitie deelt haar aanpak op inspiratiemiddagen in de regio.",
    "Kinderen gaan op excursie naar het museum, de haven en de boerderij.",
    "Een intern begeleider stemt wekelijks af met de jeugdhulp.",
    "De resultaten worden twee keer per jaar met de gemeenteraad besproken.",
    "Vrijwilligers uit de buurt lezen voor in kleine groepen.",
    "De peuteropvang deelt observaties met de leerkracht van groep 1.",
    "Een valkuil is dat de aanpak afhangt van een persoon; leg afspraken vast.",
    "Het kost tijd om vertrouwen op te bouwen tussen onderwijs en zorg.",
    "Vraag ouders zelf wat zij nodig hebben voordat je een activiteit plant.",
]

EVENT_KINDS = [
    ("inspiratiemiddag", "Inspiratiemiddag"), ("werkbezoek", "Werkbezoek"), ("aanbiedersmarkt", "Aanbiedersmarkt"),
    ("training", "Training"), ("intervisie", "Intervisie"), ("workshop", "Workshop"),
    ("masterclass", "Masterclass"), ("webinar", "Livecast"), ("kennisfestival", "Kennisfestival"),
    ("leernetwerk", "Leernetwerk"),
]
EVENT_KIND_WEIGHTS = [20, 12, 6, 12, 10, 14, 6, 10, 2, 8]

ORG_KINDS = [
    "school_po", "school_vo", "school_so", "ikc", "kinderopvang", "bso", "jeugdhulp", "gemeente", "aanbieder",
    "hogeschool", "welzijn", "sport", "cultuur",
]
SCHOOL_TYPES = ["po", "vo", "so", "ikc", "kinderopvang", "anders"]
SCHOOL_TYPE_WEIGHTS = [50, 15, 5, 15, 10, 5]
JOB_FUNCTIONS = [
    "schoolleider", "leerkracht", "intern_begeleider", "projectleider", "beleidsmaker", "wethouder",
    "pedagogisch_medewerker", "jeugdwerker", "aanbieder", "anders", "",
]
NETWORKS = [
    ("wethouders-noord", "Leernetwerk wethouders Noord", "wethouders"),
    ("wethouders-zuid", "Leernetwerk wethouders Zuid", "wethouders"),
    ("schoolleiders-randstad", "Leernetwerk schoolleiders Randstad", "schoolleiders"),
    ("schoolleiders-oost", "Leernetwerk schoolleiders Oost", "schoolleiders"),
    ("leraren-nt2", "Leernetwerk leraren NT2", "leraren"),
    ("verrijkte-schooldag", "Leernetwerk verrijkte schooldag", "gemengd"),
]
