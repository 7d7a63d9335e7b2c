/*
 * deploy-impl.h: what deploy_team.c (the team and its file) shares with
 * deploy.c (the search). Private to those two files.
 */
#ifndef DEPLOY_IMPL_H
#define DEPLOY_IMPL_H

#include "plan/deploy.h"

#endif
