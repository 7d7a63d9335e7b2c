/*
 * deploy-impl.h: what deploy_team.c (the team and its file) shares with
 * deploy.c (the search). Private to those two files.
 */
#ifndef DEPLOY_IMPL_H
#define DEPLOY_IMPL_H

#include "deploy.h"

/* 1 when a and b are the same name ignoring case, spaces and punctuation. */
int deploy_same_name(const char *a, const char *b);

#endif
