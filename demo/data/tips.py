"""The tips of the seed articles."""

from __future__ import annotations

from practices.models import Tip

S = Tip.Source


TIPS = [
    ("Begin klein", "Je hoeft niet meteen een heel programma op te tuigen. Eén inspiratiemiddag of één "
     "werkbezoek brengt vaak al meer in beweging dan je verwacht.", ["verrijkte-schooldag"], S.EDITORS,
     None, None),
    ("Zet in op ontmoeting", "Kies werkvormen waarin mensen echt met elkaar praten: tafelgesprekken, "
     "intervisie of een training die je samen volgt. Daar ontstaan uitwisseling en reflectie.",
     [], S.EDITORS, None, None),
    ("Betrek partners actief", "Nodig niet alleen scholen uit. Aanbieders, de gemeente en jeugdhulp denken "
     "en doen mee als je ze vanaf het begin aan tafel vraagt.", ["samenwerking-jeugdhulp"], S.EDITORS,
     None, None),
    ("Maak vervolgafspraken", "Laat een bijeenkomst niet eindigen bij goede energie. Spreek af wie wat gaat "
     "doen en wanneer, leg het vast en kom er later op terug. Zo wordt inspiratie een concreet plan.",
     [], S.EVENT, None, None),
    ("Vraag hulp", "De regiocoördinatoren van de Gelijke Kansen Alliantie en School & Omgeving denken graag "
     "met je mee. Gebruik ‘Vraag hulp’ op de pagina van je regio, of mail naar rijkeschooldag@minocw.nl.",
     [], S.EDITORS, None, None),
    ("Investeer in verbinding", "Kennis delen werkt het best als mensen elkaar kennen. Tijd voor "
     "kennismaking is geen bijzaak, maar de basis van samenwerking.", [], S.EDITORS, None, None),
    ("Luister naar de werkvloer", "Wie beleid maakt, begint bij de mensen die het moeten uitvoeren. Heb je "
     "een beeld van wat er nodig is? Toets het dan bij leerkrachten, pedagogisch medewerkers en "
     "jeugdwerkers.", [], S.EDITORS, None, None),
    ("Geef praktische richting", "Een beleidsplan komt pas tot leven met een duidelijke eerste stap. Maak "
     "concreet waarmee een school of opvang morgen kan beginnen.", [], S.EDITORS, None, None),
    ("Begin gewoon en leer van fouten", "Wachten op het perfecte plan levert niets op. Begin, kijk wat werkt "
     "en stel bij: fouten horen bij leren.", [], S.EDITORS, None, None),
    ("Werk vanuit een gedeelde agenda", "Je hoeft niet alles samen te doen. Zorg wel dat iedere partner "
     "weet hoe de eigen actie bijdraagt aan het gezamenlijke doel.", ["samenwerking-jeugdhulp"], S.EVENT,
     None, None),
    ("Ga naar buiten", "Ook bestuurders lopen het risico in het systeem te verdwijnen. Blijf op scholen en "
     "in wijken komen, zodat je scherp houdt voor wie je het doet.", [], S.EVENT, None, None),
    ("Betrek kinderen zelf", "Kinderen zijn geen project maar inwoners met een waardevolle inbreng. Vraag "
     "hen wat zij nodig hebben en wat ze zelf willen bijdragen.", ["talentontwikkeling"], S.EVENT,
     None, None),
    ("Wees je bewust van je eigen handelen", "Verdiep je in armoede en kansengelijkheid en kijk daarna "
     "kritisch naar wat je in de klas doet. Kleine dingen in hoe je je opstelt maken verschil voor het "
     "vertrouwen van een kind.", ["cultureel-responsief-onderwijs", "armoede"], S.EVENT,
     "vuurvogel-helmond-cultureel-responsief-lesgeven", "zuid"),
    ("Weet wie je zelf bent", "Je bent een betere partner in de ontwikkeling van een kind als je je eigen "
     "achtergrond en aannames kent.", ["cultureel-responsief-onderwijs"], S.EVENT, None, None),
    ("Verbreed je horizon", "Zoek schoolleiders op buiten je eigen netwerk. Juist een school met een heel "
     "andere populatie helpt je je eigen aannames positief-kritisch te bekijken.", [], S.EVENT,
     "ikc-schalkwijk-aanhaken-bij-het-gezin", "noordwest"),
    ("Zoek een ambitie die iedereen herkent", "Dezelfde mooie zin in ieders beleidsplan is nog geen "
     "gedeelde visie. Vraag door wat partners er in de praktijk onder verstaan, tot je samen een ambitie "
     "hebt.", ["samenwerking-jeugdhulp", "welbevinden-verzuim"], S.PRACTICE,
     "buitenkans-haagse-aanwezigheidsaanpak", "zuidwest"),
    ("Laat kinderen kiezen", "Wie zelf kiest, doet enthousiaster mee. Geef kinderen in de verrijkte "
     "schooldag steeds een keuze uit een paar activiteiten.", ["verrijkte-schooldag", "talentontwikkeling"],
     S.PRACTICE, "winsum-verrijkte-middagpauze", "noord"),
    ("Begin ergens, maar houd het doel voor ogen", "Omdat in een lerende organisatie alles met alles "
     "samenhangt, kun je overal beginnen: bij een lerend team, een datagesprek of een bijeenkomst voor "
     "schoolleiders. Blijf wel vragen met wie en voor wie je leert.", [], S.EDITORS, None, None),
]
