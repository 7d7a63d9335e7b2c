#!/bin/sh
# gen.sh N_R16: write an extract with 50 safeguarding letters, 40 s7,
# N_R16 r16.4, 45 s31 and 5 s25 cases, spread over two service areas.
n16=$1
echo 'Case ID,Case name,Gender,Ethnicity,Disability (Y/N),Date of birth,Lead application,Law type,Case type,Practitioner,Team,Service area,Local authority (Public law),Court,File location'
awk -v n16="$n16" 'BEGIN {
	id = 10000000
	split("safeguarding letter only:50:Private,s7:40:Private,r16.4:" n16 ":Private,s31:45:Public,s25:5:Public", spec, ",")
	for (s = 1; s <= 5; s++) {
		split(spec[s], f, ":")
		for (i = 0; i < f[2]; i++) {
			la = f[3] == "Public" ? "Kent" : ""
			printf "CA%08d,Re A (A Child),female,White British,N,01/02/2015,C100,%s,%s,P Smith,Team 1,%s,%s,Newcastle,\n", id++, f[3], f[1], (i % 2) ? "Wessex" : "North East", la
		}
	}
}'
