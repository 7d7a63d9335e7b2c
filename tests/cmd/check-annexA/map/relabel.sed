s/,s7,/,Report to court (7),/
s/,safeguarding letter only,/,FHDRA letter only,/
s/,r16\.4,/,Guardian for child party,/
s/,s31,/,LA application (31),/
s/,s25,/,Locked placement application,/
s/,Private,/,Private Children Act,/
