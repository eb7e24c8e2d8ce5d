import fs from 'node:fs';
import { generatedGroupPosts } from '../src/core/courses/generate-course-group.js';
fs.writeFileSync('/tmp/g12.json', JSON.stringify({ posts: generatedGroupPosts({ posts: 12, credits: 220 }) }));
