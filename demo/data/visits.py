"""Work visits as a network: what the seed coalitions can show a visitor and what they want to learn elsewhere.

Consistent with the seed story: Den Haag went to Maastricht to see how Limburg organises the enriched school
day and talent development; the Limburg coalitions come to the Randstad to see the Haagse attendance approach
and the parent coordinator.
"""

from __future__ import annotations

# (coalition slug, what we can show, its themes, what we want to learn, its themes)
VISIT_PROFILES = [
    ("den-haag",
     "Project Buitenkans met de oudercoördinator en de Haagse aanwezigheidsaanpak: hoe scholen verzuim vroeg "
     "zien en samen met ouders en het jeugd- en gezinsteam aanpakken. Ook de app waarmee we het verrijkte "
     "aanbod plannen.",
     ["welbevinden-verzuim", "ouderbetrokkenheid", "samenwerking-jeugdhulp"],
     "Hoe andere coalities talentontwikkeling een vaste plek geven in een verrijkte schooldag, en hoe scholen "
     "en kinderopvang daarin samen optrekken.",
     ["talentontwikkeling", "verrijkte-schooldag", "school-kinderopvang"]),
    ("maastricht-heuvelland",
     "Kindcentra in het Heuvelland waar onderwijs, opvang en peuterwerk één dag vormen, en een verrijkte "
     "schooldag met sport en cultuur in de wijken van Maastricht-West.",
     ["verrijkte-schooldag", "school-kinderopvang", "talentontwikkeling"],
     "Hoe Haagse scholen ouders betrekken en verzuim vroeg aanpakken; wat werkt bij armoede in de klas.",
     ["ouderbetrokkenheid", "welbevinden-verzuim", "armoede"]),
    ("parkstad-limburg",
     "Hoe scholen en het jeugdteam in Parkstad samenwerken in wijken met veel armoede en krimp: vaste "
     "contactpersonen en korte lijnen.",
     ["samenwerking-jeugdhulp", "armoede"],
     "Een aanpak voor verzuim en welbevinden, en manieren om ouders die de school niet vanzelf vinden toch "
     "te betrekken.",
     ["welbevinden-verzuim", "ouderbetrokkenheid"]),
    ("oost-groningen",
     "De aanbiedersmarkt in Veendam en de samenwerking tussen school, kinderopvang en bso in de "
     "Veenkoloniën, met een verrijkte middagpauze.",
     ["verrijkte-schooldag", "school-kinderopvang"],
     "Hoe een stad talentontwikkeling breed organiseert, met rolmodellen en talentenfluisteraars.",
     ["talentontwikkeling"]),
    ("haarlem-en-west-friesland",
     "Talentenfluisteraars en rolmodellen: jeugdwerkers, cultuurdocenten en leerkrachten die samen talent "
     "van kinderen herkennen en stimuleren.",
     ["talentontwikkeling", "belevingswereld"],
     "Hoe een verrijkte middagpauze of schooldag werkt in kleine kernen, samen met kinderopvang en bso.",
     ["verrijkte-schooldag", "school-kinderopvang"]),
    ("rotterdam",
     "Sport en onderwijs die elkaar versterken, met de Feyenoord Foundation op scholen in Rotterdam-Zuid.",
     ["verrijkte-schooldag", "belevingswereld"],
     "Hoe scholen samenwerken met het wijkteam en de jeugdhulp zonder lange wachttijden.",
     ["samenwerking-jeugdhulp", "welbevinden-verzuim"]),
    ("utrecht",
     "Goed onderwijs als fundament: Utrechtse basisscholen die ongelijk behandelen voor gelijke kansen, "
     "samen met de buurtteams.",
     ["samenwerking-jeugdhulp", "taal-nt2"],
     "Hoe andere coalities ouders betrekken bij taal en de verrijkte schooldag.",
     ["ouderbetrokkenheid", "taal-nt2"]),
]
