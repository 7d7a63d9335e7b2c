#!/bin/sh
# gen-corpus.sh: writes the redaction evaluation corpus (tests/redact/notes.txt)
# to standard output: synthetic evidence notes, one a line, each personal
# item marked {type|text} and each item that must survive {=kind|text} (the
# format redact-score reads). Deterministic (a fixed seed).
#
# Independence: the sentence templates below were written for this corpus,
# not taken from the detector's data, and the people and places come from
# the lists here, kept disjoint from every list the detector ships in
# share/redact (tests/redact/run.sh checks it), except the ten names the
# issue itself names (Will, Hope, Grace, Mark, Rose, Young, Brown, Green,
# Precious, Blessing) and the Cafcass service areas, a closed official list.
# So the detector is scored on what it was never shown. All people are
# invented; any likeness to a real person is chance.
#
# The Annex A list the corpus is also scored with (annexa.csv) names every
# person written with a first name and a surname:
#   grep -o "{name|[A-Z][a-z]*[ -][A-Z][A-Za-z'-]*}" notes.txt | sed 's/{name|//; s/}//' |
#   sort -u | awk 'BEGIN { print "Case ID,Case name,Practitioner" }
#     NR % 2 == 0 { printf "CA%08d,Re %s (A Child),\n", 27100000 + NR, $0 }
#     NR % 2 == 1 { printf "CA%08d,Re X (A Child),%s\n", 27100000 + NR, $0 }' > annexa.csv
set -eu
N=${1:-600}
awk -v N="$N" 'BEGIN {
	srand(20270115)
	# first names by origin common in England and Wales
	nf = split("Oliver Amelia Harry Isla Jacob Freya Noah Evie Leo Aurelia Theo Maisie Alfie Esme " \
	  "Reggie Ottilie Finley Imogen Ronnie Elodie Dylan Cerys Rhys Bethan Gethin Seren Iwan Ffion " \
	  "Callum Eilidh Ruaridh Niamh Ciaran Aoife Padraig Saoirse Oisin Siobhan Declan Roisin " \
	  "Muhammad Aisha Zainab Ibrahim Hamza Maryam Yusuf Fatima Bilal Sana Imran Nadia Arjun Priya " \
	  "Rohan Ananya Vikram Deepa Harpreet Gurpreet Manpreet Jaspreet Simran Tanvir Sharmin Rahim " \
	  "Nusrat Shakil Farhana Chinedu Ngozi Oluwaseun Adaeze Emeka Chiamaka Kwame Ama Kofi Abena " \
	  "Yaw Akosua Abdirahman Hodan Mahad Ayaan Faduma Tremaine Shanice Jermaine Keisha Leroy Marcia " \
	  "Delroy Tanisha Jakub Zuzanna Szymon Wiktoria Mateusz Oliwia Andrei Ioana Bogdan Ionela " \
	  "Mindaugas Gintare Lukas Wei Mei Zhen Xiu Hao Ling Omar Layla Karim Yasmin Tariq Leyla Emre " \
	  "Elif Baran Rojda Matteo Giulia Tiago Beatriz Joao Ines Tyson Shyanne Levi Romany Caleb " \
	  "Kezia Precious Blessing Will Hope Grace Mark Rose Gift Comfort Favour Miracle Treasure " \
	  "Goodness Peace Maddox Jude Wren Bliss Clement", F)
	ns = split("Okonkwo Adeyemi Mensah Asante Osei Boateng Achterberg Pemberton Haldane Oyelaran " \
	  "Fairweather Thistlewood Ramsbottom Entwistle Ackroyd Sowerby Pickersgill Greenhalgh " \
	  "Hargreaves Crabtree Llewellyn Pritchard Vaughan Prosser Maguire Donnelly Gallagher Byrne " \
	  "Quigley McAllister Farquharson Rahman Hussain Chaudhry Siddiqui Begum Uddin Akhtar Malik " \
	  "Sandhu Dhillon Gill Bains Sharma Patil Iyer Nair Kowalski Nowakowski Wisniewski Zielinski " \
	  "Popescu Ionescu Dumitru Kazlauskas Petrauskas Zhang Wang Liu Nguyen Tran Yilmaz Demir Kaya " \
	  "Celik Abdullahi Farah Warsame Mohamud Campbell Thompson-Reid Dacosta Ferreira Esposito " \
	  "Romano Lovell Boswell Smalley Young Brown Green Adebayo-Cole Whitworth-Khan Nightingale " \
	  "Merriweather Oddie Tattersall Higginbottom Blenkinsop Featherstone Cartwright Appleyard " \
	  "Shufflebottom Brocklehurst Wolstenholme Oyedepo Ikechukwu Abiodun", S)
	nk = split("Jay-Jay Tiggy Kez Shaz Gaz Dazza Bex Jojo Lolly Bubba Mo Tink Sammy-Jo Bobbi", K)
	np = split("de Souza|van Dijk|al-Amin|bin Salim|Ni Bhriain|O Suilleabhain|Mac an tSaoi|" \
	  "da Silva|el-Masri|Mc Gowan|van der Merwe|bint Yusuf", P, "|")
	# towns not in the detector lists
	nt = split("Skipton Bridlington Ilkley Otley Settle Hexham Alnwick Ludlow Bewdley Malvern " \
	  "Tewkesbury Bideford Okehampton Launceston Wadebridge Swanage Shaftesbury Frome Glastonbury " \
	  "Chard Marlborough Devizes Faversham Sandwich Whitstable Rye Lewes Seaford Petersfield " \
	  "Romsey Wantage Thame Bicester Olney Ampthill Biggleswade Sudbury Halesworth Swaffham " \
	  "Wisbech Louth Spalding Sleaford Retford Worksop Bakewell Buxton Uttoxeter Leek Oswestry " \
	  "Bridgnorth Leominster Evesham Pershore Kenilworth Daventry Oakham Melton Hinckley", TW)
	nsa = split("North East|West Yorkshire|Greater Manchester|London South|Kent and Sussex|" \
	  "East Midlands|South West|Thames Valley", SA, "|")
	nst = split("Acacia Avenue|Sycamore Close|Larkspur Road|Bramble Lane|Foxglove Crescent|" \
	  "Kingfisher Drive|Rowan Grove|Heron Way|Maple Terrace|Orchard Mews|Quarry Street|" \
	  "Mill Lane|Chapel Road|Cherry Tree Gardens|Beacon Rise", ST, "|")
	nsc = split("Oakfield Primary School|St Aidan\x27s C of E Primary School|Brookside Academy|" \
	  "Little Acorns Nursery|Hollins Park High School|Our Lady of Lourdes RC Primary|" \
	  "Westfield Infant School|Thornbury Grammar School|Ashgrove College|Sunflowers Pre-school|" \
	  "Highfields Junior School|Meadowbank Academy|Riverside Community Primary", SC, "|")
	nti = split("Mr Mrs Ms Miss Dr Mx", TI)
	nrel = split("mum|dad|mother|father|nan|grandad|brother|sister|stepfather|partner|" \
	  "maternal grandmother|paternal uncle|half-brother|aunt|cousin|foster carer", REL, "|")
	njt = split("family court adviser|service manager|practice supervisor|team manager|" \
	  "head of service|Children\x27s Guardian|social worker|independent reviewing officer|" \
	  "health visitor|designated safeguarding lead", JT, "|")
	nlg = split("child arrangements order|Section 7 report|special guardianship order|" \
	  "non-molestation order|Public Law Outline|Children Act 1989|prohibited steps order|" \
	  "care order", LG, "|")
	nco = split("Cafcass|Ofsted|local authority|Women\x27s Aid|police|CAMHS|NHS trust", CO, "|")
	nmo = split("January February March April May June July August September October November December", MO)
	for (n = 0; n < N; n++) print note(n)
}
function pick(arr, k) { return arr[int(rand() * k) + 1] }
function first() { return pick(F, nf) }
function sur() { return pick(S, ns) }
function nm(t) { return "{name|" t "}" }
function keep(kind, t) { return "{=" kind "|" t "}" }
function day() { return int(rand() * 28) + 1 }
function mon() { return pick(MO, 12) }
function yr(a, b) { return a + int(rand() * (b - a + 1)) }
function d2(x) { return (x < 10 ? "0" : "") x }
function caseref() { return keep("caseref", sprintf("CA%08d", 27000000 + int(rand() * 99999))) }
function initials() { return keep("initials", substr("ABCDEFGHJKLMNPRSTW", int(rand()*18)+1, 1) substr("ABCDEFGHJKLMNPRSTW", int(rand()*18)+1, 1)) }
function court(t) { return keep("court", t (rand() < 0.5 ? " Family Court" : " County Court")) }
function town() { return keep("place", pick(TW, nt)) }
function area() { return keep("place", pick(SA, nsa)) }
function title() { return keep("title", pick(JT, njt)) }
function legal() { return keep("legal", pick(LG, nlg)) }
function org() { return keep("org", pick(CO, nco)) }
function hearing() { return keep("date", day() " " mon() " " yr(2026, 2027)) }
function tm() { return keep("time", d2(int(rand()*9)+9) ":" (rand() < 0.5 ? "00" : "30")) }
function count() { return keep("count", int(rand() * 40) + 2) }
function postcode(   a, p, PC) {
	split("SW1A 1AA|M1 1AE|B33 8TH|LS6 2QR|NE1 4ST|CF10 3AT|PO1 2DX|L8 7QB|BD3 9HJ|EX4 6PX", PC, "|")
	a = pick(PC, 10)
	p = rand()
	if (p < 0.3) a = tolower(a)
	else if (p < 0.5) gsub(/ /, "", a)
	else if (p < 0.6) sub(/ /, "  ", a)
	return "{postcode|" a "}"
}
function phone(   p, a, b) {
	a = sprintf("%03d", int(rand()*900)+100); b = sprintf("%03d", int(rand()*900)+100)
	p = int(rand() * 7)
	if (p == 0) return "{phone|07700 " a b "}"
	if (p == 1) return "{phone|+44 7700 " a " " b "}"
	if (p == 2) return "{phone|0044 7700 " a b "}"
	if (p == 3) return "{phone|(01632) " a " " b "}"
	if (p == 4) return "{phone|07700-" a "-" b "}"
	if (p == 5) return "{phone|07700." a "." b "}"
	return "{phone|+44 (0)20 7946 " sprintf("%04d", int(rand()*9000)+1000) "}"
}
function email(f, s) { return "{email|" tolower(f) "." tolower(s) (rand()<0.5 ? "@example.org" : "99@mail.example.co.uk") "}" }
function nhsnum(   d, i, sum, c, t) {
	for (;;) {
		t = ""; sum = 0
		for (i = 0; i < 9; i++) { d = int(rand()*10); t = t d; sum += d * (10 - i) }
		c = 11 - sum % 11; if (c == 11) c = 0
		if (c != 10) break
	}
	t = t c
	i = int(rand() * 4)
	if (i == 0) return "{nhs_number|" substr(t,1,3) " " substr(t,4,3) " " substr(t,7,4) "}"
	if (i == 1) return "{nhs_number|" substr(t,1,5) " " substr(t,6,5) "}"
	if (i == 2) return "{nhs_number|" substr(t,1,3) "-" substr(t,4,3) "-" substr(t,7,4) "}"
	return "{nhs_number|" t "}"
}
function ni(   a, d, i) {
	a = substr("ABCEGHJKLMNOPRSTWXYZ", int(rand()*20)+1, 1) substr("ABCEGHJKLMNPRSTWXYZ", int(rand()*19)+1, 1)
	d = sprintf("%06d", int(rand()*999999))
	i = int(rand() * 5)
	if (i == 0) return "{ni_number|" a " " substr(d,1,2) " " substr(d,3,2) " " substr(d,5,2) " C}"
	if (i == 1) return "{ni_number|" a "-" substr(d,1,2) "-" substr(d,3,2) "-" substr(d,5,2) "-D}"
	if (i == 2) return "{ni_number|" tolower(a) d "a}"
	if (i == 3) return "{ni_number|QQ" d "B}"
	return "{ni_number|" a d "C}"
}
function dob(   i, y) {
	y = yr(2009, 2023); i = int(rand() * 7)
	if (i == 0) return "born {date_of_birth|" d2(day()) "/" d2(int(rand()*12)+1) "/" y "}"
	if (i == 1) return "DOB: {date_of_birth|" day() "." int(rand()*12)+1 "." y "}"
	if (i == 2) return "date of birth {date_of_birth|" day() "th " mon() " " y "}"
	if (i == 3) return "b. {date_of_birth|" d2(day()) "/" d2(int(rand()*12)+1) "/" y "}"
	if (i == 4) return "born on the {date_of_birth|" day() "th of " mon() " " y "}"
	if (i == 5) return "birthday {date_of_birth|" mon() " " day() ", " y "}"
	return "birth date {date_of_birth|" y "-" d2(int(rand()*12)+1) "-" d2(day()) "}"
}
function address(   n) {
	n = int(rand()*180)+1
	if (rand() < 0.2) return "{address|Flat " int(rand()*20)+1 ", " n " " pick(ST, nst) "}"
	if (rand() < 0.2) return "{address|" n " " tolower(pick(ST, nst)) "}"
	return "{address|" n (rand()<0.2 ? "a" : "") " " pick(ST, nst) "}"
}
function school() { return "{school|" pick(SC, nsc) "}" }
function person(   p, f, s) {
	f = first(); s = sur(); p = int(rand() * 9)
	if (p == 0) return nm(f " " s)
	if (p == 1) return pick(TI, nti) " " nm(s)
	if (p == 2) return nm(f)
	if (p == 3) return nm(toupper(s)) ", " nm(f)
	if (p == 4) return nm(f " " pick(P, np))
	if (p == 5) return nm(tolower(f))
	if (p == 6) return nm(f " " s) " (" nm(toupper(substr(f,1,1)) substr(f,2)) ")"
	if (p == 7) return pick(TI, nti) " " nm(f " " s)
	return nm(pick(K, nk))
}
function note(n,   t, f, s, f2, r) {
	f = first(); s = sur(); f2 = first()
	t = int(rand() * 40)
	if (t == 0) return "The " title() " saw " nm(f) " alone and recorded " nm(f) "\x27s wishes in " caseref() "."
	if (t == 1) return "Her " pick(REL, nrel) ", " nm(f " " s) ", said she was worried about contact."
	if (t == 2) return nm(f) " (aged " int(rand()*15)+2 ") told the " title() " that home felt calmer."
	if (t == 3) return "The " title() " spoke to " nm(f) " (" int(rand()*15)+2 ") and " nm(f2) " at " school() "."
	if (t == 4) return pick(TI, nti) " " nm(s) " was seen at " address() ", " postcode() ", on " hearing() "."
	if (t == 5) return "Contact details on file: " phone() " and " email(f, s) "; the " title() " confirmed them."
	if (t == 6) return "The application was heard at " court(pick(TW, nt)) " on " hearing() " at " tm() " (" caseref() ")."
	if (t == 7) return "In " area() " the " title() " had " count() " cases; " initials() " waited longest."
	if (t == 8) return nm(f) "\x27s " pick(REL, nrel) " " nm(f2) " was not spoken to before the " legal() "."
	if (t == 9) return "Child " keep("initials", substr("ABCDEFGH", int(rand()*8)+1, 1)) " lives with " nm(f " " s) " in " town() "; " dob() "."
	if (t == 10) return "Siblings " nm(f) ", " nm(f2) " and " nm(first()) " were listed; only " nm(f) " was seen."
	if (t == 11) return "NHS number " nhsnum() " and NI number " ni() " appear in the " legal() " bundle."
	if (t == 12) return "The " title() " (" nm(f " " s) ") did not check the " org() " records for " caseref() "."
	if (t == 13) return "spoke to " nm(tolower(f)) " and her " pick(REL, nrel) " " nm(tolower(f2)) " on the phone, " phone() "."
	if (t == 14) return toupper(s) ", " f2 " -- mother -- " dob() "; see " caseref() "." ; # fixed below
	if (t == 15) return "Teacher " pick(TI, nti) " " nm(sur()) " at " school() " said " nm(f) " is settled."
	if (t == 16) return "Mother " keep("initials", substr("ABCDEFGHJKLM", int(rand()*12)+1, 1)) " and her partner " nm(f2 " " s) " attended " court(pick(TW, nt)) "."
	if (t == 17) return nm(f " " s) " (" "{date_of_birth|" d2(day()) "/" d2(int(rand()*12)+1) "/" yr(2010, 2022) "}" ") moved to " address() "."
	if (t == 18) return "The " title() " recorded that " person() " and " person() " disagreed about school."
	if (t == 19) return "Known as " nm(pick(K, nk)) ", the child told " pick(TI, nti) " " nm(s) " about " nm(f2) "."
	if (t == 20) return nm(f) " said that nan " nm(f2) " collects him from " school() " most days."
	if (t == 21) return "Re " initials() ": the " legal() " was made on " hearing() " after " count() " hearings."
	if (t == 22) return "The " org() " referral named " nm(f " " pick(P, np)) " as the alleged perpetrator."
	if (t == 23) return "A letter from " nm(f " " s) " (" email(f, s) ") was on the file for " caseref() "."
	if (t == 24) return "The " title() " and the " title() " met in " town() " to discuss " initials() "."
	if (t == 25) return nm(f) " was seen at home; " nm(f) " showed the " title() " around " nm(f) "\x27s bedroom."
	if (t == 26) return "Dr " nm(s) " from the " org() " wrote to " nm(f2 " " sur()) " on " hearing() "."
	if (t == 27) return "Paternal family: " nm(first() " " s) ", " nm(first() " " s) " and uncle " nm(f2) "."
	if (t == 28) return "The " title() " called " phone() " at " tm() "; " nm(toupper(f)) " did not answer."
	if (t == 29) return "Postcode " postcode() " is outside " area() "; the case moved to " court(pick(TW, nt)) "."
	if (t == 30) return "Young " nm(f) " met " nm(f2 " " sur()) " at " address() " near " town() "."
	if (t == 31) return nm(f " " s) "\x27s " pick(REL, nrel) " was present at " tm() "; the " legal() " was explained."
	if (t == 32) return "The report for " caseref() " by the " title() " used " nm(f) "\x27s own words."
	if (t == 33) return "Both parents, " nm(f " " s) " and " nm(f2 " " s) ", agreed the " legal() " should continue."
	if (t == 34) return "In " town() " and " area() ", " count() " children waited over " count() " weeks."
	if (t == 35) return nm(f) " and " nm(f2) " (" int(rand()*10)+3 ") were interviewed by the " title() " on " hearing() "."
	if (t == 36) return "Referral from " school() ": " nm(f " " s) ", " dob() ", NHS " nhsnum() "."
	if (t == 37) return "Hearing at " court(pick(TW, nt)) "; " initials() " and " initials() " were not present; " tm() " start."
	if (t == 38) return "Email " email(f2, s) " or ring " phone() " to reach " nm(f2) "\x27s " pick(REL, nrel) "."
	return "Her brother " nm(f) " told the " title() " that " nm(f2) " had moved to " address() " in " town() "."
}' | sed 's/^\([A-Z-]*\), \([A-Za-z-]*\) -- mother --/{name|\1}, {name|\2} -- mother --/'
