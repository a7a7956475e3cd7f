# Site B, the standby site: network, Kubernetes nodes, the off-site Velero bucket and the
# IAM identities that write (site A) and read (site B) it, and may switch the cutover record. Ansible (infra/ansible) turns the
# nodes into a Kubernetes cluster from the ansible_inventory output.

module "network" {
  source             = "./modules/network"
  name               = var.name
  vpc_cidr           = var.vpc_cidr
  availability_zones = var.availability_zones
  admin_cidrs        = var.admin_cidrs
}

module "storage" {
  source                 = "./modules/storage"
  bucket_name            = var.backup_bucket_name
  object_lock_days       = var.object_lock_days
  object_lock_mode       = var.object_lock_mode
  backup_expiry_days     = var.backup_expiry_days
  noncurrent_expiry_days = var.noncurrent_expiry_days
}

module "iam" {
  source      = "./modules/iam"
  name        = var.name
  bucket_arn  = module.storage.bucket_arn
  dns_zone_id = var.dns_zone_id
}

module "compute" {
  source                      = "./modules/compute"
  name                        = var.name
  ami_id                      = var.ami_id
  ssh_key_name                = var.ssh_key_name
  subnet_ids                  = module.network.private_subnet_ids
  control_plane_sg_id         = module.network.control_plane_sg_id
  worker_sg_id                = module.network.worker_sg_id
  control_plane_count         = var.control_plane_count
  control_plane_instance_type = var.control_plane_instance_type
  worker_count                = var.worker_count
  worker_instance_type        = var.worker_instance_type
  root_volume_gb              = var.root_volume_gb
  instance_profile_name       = module.iam.node_instance_profile_name
  vpc_id                      = module.network.vpc_id
}
