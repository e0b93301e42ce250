import { signMatrix } from './sign-matrix.js';

signMatrix('home');
