variable "name" {
  description = "Prefix of resource names."
  type        = string
}

variable "ami_id" {
  description = "AMI of every node."
  type        = string
}

variable "ssh_key_name" {
  description = "EC2 key pair of the Ansible user."
  type        = string
}

variable "subnet_ids" {
  description = "Private subnets, one per zone."
  type        = list(string)
}

variable "vpc_id" {
  description = "VPC of the load balancer's target group."
  type        = string
}

variable "control_plane_sg_id" {
  description = "Security group of the control-plane nodes."
  type        = string
}

variable "worker_sg_id" {
  description = "Security group of the worker nodes."
  type        = string
}

variable "control_plane_count" {
  description = "Number of control-plane nodes."
  type        = number
}

variable "control_plane_instance_type" {
  description = "Instance type of the control-plane nodes."
  type        = string
}

variable "worker_count" {
  description = "Number of worker nodes."
  type        = number
}

variable "worker_instance_type" {
  description = "Instance type of the worker nodes."
  type        = string
}

variable "root_volume_gb" {
  description = "Root volume size of each node."
  type        = number
}

variable "instance_profile_name" {
  description = "Instance profile of the nodes (Velero's read-only access to the bucket)."
  type        = string
}
