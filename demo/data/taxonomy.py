"""Regions, themes, municipalities and boundary-crossing mechanisms of the demo world."""

from __future__ import annotations

# (slug, name, description, provinces)
REGIONS = [
    ("noord", "Noord", "Coalities in Groningen, Friesland en Drenthe: veel dorpen, grote afstanden en "
     "krimp, en daardoor juist veel samenwerking tussen school, opvang en vereniging.",
     ["Groningen", "Friesland", "Drenthe"]),
    ("oost", "Oost", "Coalities in Overijssel en Gelderland, van de steden langs de IJssel tot de "
     "Achterhoek en het Rijk van Nijmegen.", ["Overijssel", "Gelderland"]),
    ("midden", "Midden", "Coalities in Utrecht en Flevoland, met snelgroeiende steden en wijken waar veel "
     "kinderen Nederlands als tweede taal leren.", ["Utrecht", "Flevoland"]),
    ("noordwest", "Noordwest", "Coalities in Noord-Holland, van Amsterdam en Haarlem tot West-Friesland en "
     "de kop van de provincie.", ["Noord-Holland"]),
    ("zuidwest", "Zuidwest", "Coalities in Zuid-Holland en Zeeland, met de grote steden Den Haag en "
     "Rotterdam en de Zeeuwse kernen.", ["Zuid-Holland", "Zeeland"]),
    ("zuid", "Zuid", "Coalities in Noord-Brabant en Limburg, van de Brabantse steden tot Parkstad en "
     "het Heuvelland.", ["Noord-Brabant", "Limburg"]),
]


# (slug, name, description)
THEMES = [
    ("talentontwikkeling", "Talentontwikkeling",
     "Kinderen ontdekken waar ze energie van krijgen en waarbij voor hen de tijd vliegt."),
    ("verrijkte-schooldag", "Verrijkte schooldag",
     "Sport, cultuur, natuur en techniek in en rond de schooldag, voor ieder kind."),
    ("ouderbetrokkenheid", "Ouderbetrokkenheid",
     "Ouders als partner van de school: ontmoeten, meedenken en meedoen."),
    ("samenwerking-jeugdhulp", "Samenwerking met jeugdhulp",
     "Onderwijs en jeugdhulp werken samen: dichtbij, vroeg en zonder lange wachttijden."),
    ("extra-onderwijstijd", "Extra onderwijstijd en tutoring",
     "Extra uren begeleiding, tutoring in kleine groepjes en hulp bij huiswerk."),
    ("belevingswereld", "Belevingswereld vergroten",
     "Kinderen maken kennis met beroepen, natuur, cultuur en plekken buiten hun eigen wijk."),
    ("taal-nt2", "Taal en NT2",
     "Taalontwikkeling van kinderen en ouders, ook als Nederlands de tweede taal is."),
    ("welbevinden-verzuim", "Welbevinden en verzuim",
     "Je veilig en gezien voelen als basis om naar school te komen en te leren."),
    ("school-kinderopvang", "School en kinderopvang",
     "Een doorgaande lijn tussen school, kinderopvang en buitenschoolse opvang."),
    ("cultureel-responsief-onderwijs", "Cultureel responsief onderwijs",
     "Lesgeven dat aansluit bij de achtergrond, taal en ervaringen van kinderen."),
    ("armoede", "Armoede",
     "Wat school en partners doen als er thuis weinig geld is, zonder dat kinderen zich apart voelen."),
]


# Province -> municipalities, in a fixed order (the generated coalitions follow it).
MUNICIPALITIES = [
    ("Groningen", ["Groningen", "Veendam", "Pekela", "Oldambt", "Stadskanaal", "Westerwolde",
                   "Het Hogeland", "Midden-Groningen", "Eemsdelta"]),
    ("Friesland", ["Leeuwarden", "Smallingerland", "Heerenveen", "Súdwest-Fryslân", "Harlingen"]),
    ("Drenthe", ["Assen", "Emmen", "Hoogeveen", "Meppel", "Coevorden"]),
    ("Overijssel", ["Zwolle", "Deventer", "Enschede", "Hengelo", "Almelo", "Kampen"]),
    ("Gelderland", ["Arnhem", "Nijmegen", "Apeldoorn", "Ede", "Tiel", "Doetinchem"]),
    ("Utrecht", ["Utrecht", "Amersfoort", "Nieuwegein", "Zeist", "Veenendaal"]),
    ("Flevoland", ["Almere", "Lelystad", "Dronten"]),
    ("Noord-Holland", ["Amsterdam", "Haarlem", "Zandvoort", "Hoorn", "Enkhuizen", "Medemblik", "Zaanstad",
                       "Den Helder", "Alkmaar", "Hilversum"]),
    ("Zuid-Holland", ["Den Haag", "Rotterdam", "Schiedam", "Leidschendam-Voorburg", "Rijswijk", "Westland",
                      "Leiden", "Dordrecht", "Gouda", "Zoetermeer"]),
    ("Zeeland", ["Middelburg", "Vlissingen", "Terneuzen", "Goes"]),
    ("Noord-Brabant", ["Eindhoven", "Helmond", "Tilburg", "Breda", "'s-Hertogenbosch", "Oss"]),
    ("Limburg", ["Maastricht", "Eijsden-Margraten", "Heerlen", "Kerkrade", "Sittard-Geleen", "Venlo",
                 "Roermond"]),
]


MECHANISM_SLUGS = ["identificatie", "coordinatie", "reflectie", "transformatie"]
