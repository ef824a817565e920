// A read-only view of the demo forum, so that someone trying Erasure can see a post before and after.
import express, { type Router } from 'express';
import type { ForumStore } from '../forum/port';
import type { Pages } from './pages';
import { localeOf } from './locale';
import { sendProblem } from './problemDetails';

export function demoForumRoutes(deps: { forum: ForumStore; pages: Pages }): Router {
  const router = express.Router();
  router.get('/demo/posts/:id', async (req, res) => {
    const post = /^\w{1,64}$/.test(req.params.id) ? await deps.forum.getPost(req.params.id) : null;
    if (!post) return sendProblem(res, 404, 'post_not_found', `the demo forum has no post ${req.params.id}`);
    res.type('html').send(deps.pages.render('demoPost', localeOf(req), { post }));
  });
  return router;
}
