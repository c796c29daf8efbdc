"""Who tried which practice example ("wij doen dit ook"): the Haarlem talent approach, copied by a childcare
organisation and two schools, and one experience still waiting for the coordinators."""

from demo.data.people import DOMAIN, MEMBER_EMAIL

# (practice slug, organisation, author email, coalition slug or None, months ago, school type, setting, region,
#  what they changed, result, lesson, published)
ADOPTIONS = [
    ("haarlem-talentenfluisteraars", "Kinderopvang Zonnewijzer, Haarlem-Schalkwijk", f"projectleider-haarlem@{DOMAIN}",
     "haarlem-en-west-friesland", 5, "po", "Buitenschoolse opvang in de wijk", "noordwest",
     "De pedagogisch medewerkers voeren de talentgesprekjes tijdens de middag op de bso, met een eigen kaartenset.",
     "werkte", "Geef medewerkers eerst zelf een talentgesprek: dan weten ze hoe het voelt.", True),
    ("haarlem-talentenfluisteraars", "Basisschool De Kring, Hoorn", f"projectleider-haarlem@{DOMAIN}",
     "haarlem-en-west-friesland", 4, "po", "Twee groepen 6", "noordwest",
     "Wij begonnen met twee groepen in plaats van de hele school, en nodigden ouders uit bij het slotgesprek.",
     "werkte", "Klein beginnen maakte het makkelijk om het daarna schoolbreed te doen.", True),
    ("haarlem-talentenfluisteraars", "IKC De Boomgaard, Veendam", MEMBER_EMAIL, "oost-groningen", 2, "po",
     "Dorpsschool met kinderopvang onder één dak", "noord",
     "Het talentgesprek werd een vast onderdeel van het overdrachtsgesprek tussen opvang en school.",
     "deels", "Plan er echt tijd voor in: in drukke weken schoot het erbij in.", True),
    ("haarlem-talentenfluisteraars", "OBS De Vuurtoren, Den Helder", f"projectleider-haarlem@{DOMAIN}", None, 1,
     "po", "Groep 7 en 8", "noordwest",
     "Leerlingen uit groep 8 voeren de gesprekjes met groep 5, onder begeleiding van de leerkracht.",
     "werkte", "Oudere leerlingen als talentfluisteraar: zij vinden het prachtig.", False),
]
