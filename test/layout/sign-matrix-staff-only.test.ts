import { signMatrix } from './sign-matrix.js';

signMatrix('staff-only');
