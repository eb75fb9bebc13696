"""Les règles du CGCT, une par article, découvertes par le chargeur."""
