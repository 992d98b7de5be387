// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Base {
    address public owner; // @vulnerable: other

    modifier onlyOwner() { require(msg.sender == owner, "owner"); _; }
}

contract Treasury is Base {
    address public owner; // @vulnerable: other

    constructor() { owner = msg.sender; }

    function sweep() external onlyOwner { payable(msg.sender).transfer(address(this).balance); }
}
